using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using QaService.Tests.Support;
using Xunit.Abstractions;

namespace QaService.Tests.Web;

/// <summary>
/// Generated hostile requests over every endpoint against real Kestrel: none may get a 5xx or hang past 10 s, and
/// the service still answers correctly afterwards. A run sends 2,000 requests from a fixed seed. The same run replays
/// against a server already running when <c>QASERVICE_FUZZ_URL</c> names it, with <c>QASERVICE_FUZZ_COUNT</c> requests
/// (for example 10,000) and <c>QASERVICE_FUZZ_SEED</c>; start that server with <c>--RateLimiting:Enabled=false</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HostileRequests_GetNo5xxAndNoHang_AndTheServiceStillAnswers()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("QASERVICE_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var n) ? n : 2000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("QASERVICE_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261129;
        await using var app = Environment.GetEnvironmentVariable("QASERVICE_FUZZ_URL") is { Length: > 0 }
            ? null
            : await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        var server = app?.BaseAddress ?? new Uri(Environment.GetEnvironmentVariable("QASERVICE_FUZZ_URL")!);
        using var client = new HttpClient { BaseAddress = server, Timeout = Hang };
        await client.AskOkAsync("Which Iranian president visited Pakistan?");

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            new HostileRequests(seed).Take(count),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (request, _) =>
            {
                var status = await SendAsync(client, server, request);
                statuses.AddOrUpdate(status, 1, (_, total) => total + 1);
                if (status is 0 or >= 500)
                {
                    failures.Add($"{(status == 0 ? "no reply within 10 s" : status.ToString(CultureInfo.InvariantCulture))} for {request}");
                }
            });

        output.WriteLine($"{count} requests (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s against {server}: "
                         + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key} × {p.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} requests failed:\n{string.Join('\n', failures.Take(20))}");
        Assert.Equal(count, statuses.Values.Sum());

        var reply = await client.AskOkAsync("Which Iranian president visited Pakistan?");
        Assert.Contains("Pezeshkian", reply.Answer, StringComparison.Ordinal);
        await client.AssertCitationsAreExactAsync(reply);
    }

    /// <summary>The status the server answered with, or 0 when it sent nothing within 10 s.</summary>
    private static async Task<int> SendAsync(HttpClient client, Uri server, HostileRequest request)
    {
        if (request.Raw is not null)
        {
            await using var raw = await RawHttp.ConnectAsync(server);
            await raw.SendAsync(request.Raw);
            return (await raw.ReadResponseAsync(Hang)).Status;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
        }

        try
        {
            using var response = await client.SendAsync(message);
            await response.Content.ReadAsByteArrayAsync(); // a stream must end, too
            return (int)response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }
}
