using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>
/// Bodies that are too large, too slow, badly framed or abandoned, sent over a bare socket to real Kestrel: each gets
/// its 4xx problem (or, for a client gone, nothing), never a 500, and the server answers the next question.
/// </summary>
public sealed class RequestLimitsTests
{
    private const string Question = "Which Iranian president visited Pakistan?";

    private static string Head(string path, string headers) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n{headers}\r\n";

    [Theory]
    [InlineData("/api/ask")]
    [InlineData("/api/chat/stream")]
    public async Task A50MegabyteBody_Gets413BeforeItIsSent(string path)
    {
        await using var app = await KestrelTestApp.StartAsync();
        await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);

        await raw.SendAsync(Head(path, "Content-Length: 52428800\r\n") + "{\"question\": \"" + new string('a', 1000));
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(10));

        Assert.True(response.Status == 413, response.ToString());
        Assert.Equal("application/problem+json", response.Headers["content-type"].Split(';')[0]);
        await AnswersAfterwardsAsync(app);
    }

    [Fact]
    public async Task AChunkedBodyPastTheLimit_Gets413()
    {
        await using var app = await KestrelTestApp.StartAsync();
        await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);

        var chunk = new string('a', 8000);
        var body = new StringBuilder("e\r\n{\"question\": \"\r\n");
        for (var i = 0; i < 8; i++)
        {
            body.Append($"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        await raw.SendAsync(Head("/api/ask", "Transfer-Encoding: chunked\r\n") + body);
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(10));

        Assert.True(response.Status == 413, response.ToString());
        await AnswersAfterwardsAsync(app);
    }

    [Fact]
    public async Task ALongQuestionWithinTheBodyLimit_Gets400ThatNamesTheLimit()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.AskAsync(new string('a', 2001));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatStopsArriving_Gets408()
    {
        await using var app = await KestrelTestApp.StartAsync();
        await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);

        await raw.SendAsync(Head("/api/ask", "Content-Length: 100\r\n") + "{\"question\": \"Who vi");
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(30));

        Assert.True(response.Status == 408, response.ToString());
        Assert.Empty(app.Logs.AtLeast(LogLevel.Error));
        await AnswersAfterwardsAsync(app);
    }

    public static TheoryData<string, string> BrokenChunking() => new()
    {
        { "a size that is not hex", "zz\r\n{\"question\": \"Who?\"}\r\n0\r\n\r\n" },
        { "a chunk longer than its size", "3\r\n{\"question\": \"Who?\"}\r\n0\r\n\r\n" },
        { "no line end after the data", "5\r\n{\"que" + "XX0\r\n\r\n" },
        { "a negative size", "-5\r\nabcde\r\n0\r\n\r\n" },
        { "a size too large for any number", "FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenChunking))]
    public async Task MalformedChunking_Gets400(string kind, string body)
    {
        await using var app = await KestrelTestApp.StartAsync();
        await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);

        await raw.SendAsync(Head("/api/ask", "Transfer-Encoding: chunked\r\n") + body);
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(10));

        Assert.True(response.Status == 400, $"{kind}: {response}");
        Assert.Empty(app.Logs.AtLeast(LogLevel.Error));
        await AnswersAfterwardsAsync(app);
    }

    [Theory]
    [InlineData(408, "Content-Length: 1000\r\n", "{\"model\": \"qaservice\", \"mess")]
    [InlineData(400, "Transfer-Encoding: chunked\r\n", "ZZ\r\n{}\r\n0\r\n\r\n")]
    public async Task AnUnreadableBodyOnV1_GetsOpenAisErrorShape(int status, string headers, string body)
    {
        await using var app = await KestrelTestApp.StartAsync();
        await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);

        await raw.SendAsync(Head("/v1/chat/completions", headers) + body);
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(30));

        Assert.True(response.Status == status, response.ToString());
        Assert.Equal("application/json", response.Headers["content-type"].Split(';')[0]);
        // The reply is chunked; its one chunk is the JSON.
        var json = response.Body.Split("\r\n").First(line => line.StartsWith('{'));
        var error = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AClientThatAbortsMidBody_IsLoggedAtDebugOnly()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();
        await client.AskOkAsync(Question);

        for (var i = 0; i < 5; i++)
        {
            await using var raw = await RawHttp.ConnectAsync(app.BaseAddress);
            await raw.SendAsync(Head("/api/ask", "Content-Length: 1000\r\n") + "{\"question\": \"Who vis");
            await Task.Delay(100);
            raw.Abort();
        }

        await app.WaitForRequestLogCountAsync("/api/ask", 6);
        Assert.DoesNotContain(app.Logs.AtLeast(LogLevel.Warning), e => !e.Category.StartsWith("Microsoft.Hosting", StringComparison.Ordinal));
        await AnswersAfterwardsAsync(app);
    }

    private static async Task AnswersAfterwardsAsync(KestrelTestApp app)
    {
        using var client = app.CreateClient();
        Assert.Contains("Pezeshkian", (await client.AskOkAsync(Question)).Answer, StringComparison.Ordinal);
    }
}
