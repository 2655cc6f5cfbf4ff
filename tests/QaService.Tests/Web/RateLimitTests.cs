using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>
/// ASP.NET Core's rate limiter on the question endpoints, per client address, with the limits each test sets. The
/// tests' client is on loopback, which is exempt by default, so most of them turn the exemption off.
/// </summary>
public sealed class RateLimitTests
{
    private const string Question = "Which Iranian president visited Pakistan?";

    [Fact]
    public async Task PastThePermitLimit_AsksGet429WithRetryAfter_AndOtherEndpointsStillAnswer()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "5",
            ["RateLimiting:Window"] = "00:05:00",
            ["RateLimiting:ExemptLoopback"] = "false",
        });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.AskAsync(Question);
            statuses.Add(response.StatusCode);
        }

        // The stream endpoint draws on the same allowance.
        using (var streamed = await client.PostAsJsonAsync("/api/chat/stream", new { question = Question }))
        {
            statuses.Add(streamed.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        foreach (var path in new[] { "/api/ask", "/api/chat/stream" })
        {
            using var refused = await client.PostAsJsonAsync(path, new { question = Question });
            var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Contains("too many questions", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ChatCompletions_DrawOnTheSameAllowance_AndAreRefusedInOpenAiShape()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:Window"] = "00:05:00",
            ["RateLimiting:ExemptLoopback"] = "false",
        });
        using var client = app.CreateClient();
        var completion = new { model = "qaservice-extractive", messages = new[] { new { role = "user", content = Question } } };

        using (var asked = await client.AskAsync(Question))
        using (var completed = await client.PostAsJsonAsync("/v1/chat/completions", completion))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/v1/chat/completions", completion);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("rate_limit_exceeded", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AfterTheWindow_AsksAreAnsweredAgain()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:Window"] = "00:00:01",
            ["RateLimiting:ExemptLoopback"] = "false",
        });
        using var client = app.CreateClient();
        await client.AskOkAsync(Question);
        await client.AskOkAsync(Question);
        using (var refused = await client.AskAsync(Question))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await client.AskOkAsync(Question);
    }

    [Fact]
    public async Task WithRateLimitingOff_ManyAsksFromOneClientAreAllAnswered()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["RateLimiting:PermitLimit"] = "1",
        });
        using var client = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            await client.AskOkAsync(Question);
        }
    }

    [Fact]
    public async Task ByDefault_ClientsOnThisMachineAreNotLimited()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1" });
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await client.AskOkAsync(Question);
        }
    }
}
