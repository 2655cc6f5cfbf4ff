using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QaService.Host.Web.OpenAi;
using QaService.Tests.Support;
using QaService.Tests.Web;

namespace QaService.Tests.OpenAi;

/// <summary><c>/v1</c> over real Kestrel: bad input gets OpenAI-shaped 4xx errors, keys are enforced, and generated sentences are checked.</summary>
public sealed class OpenAiEndpointTests
{
    private const string Question = "Which president of Iran came to Pakistan on a visit?";
    private const string Faithful = "Iranian President Masoud Pezeshkian visited Pakistan in the aftermath of two recent conflicts [1].";
    private const string Invented = "Pakistan and Iran signed a gas pipeline treaty in 2025 [1].";

    public static TheoryData<string, int, string?> BadBodies() => new()
    {
        { """{"model": "qaservice"}""", 400, "messages" },
        { """{"model": "qaservice", "messages": []}""", 400, "messages" },
        { """{"model": "qaservice", "messages": [{"role": "user", "content": "   "}]}""", 400, "messages[0].content" },
        { """{"model": "qaservice", "messages": [{"role": "user"}]}""", 400, "messages[0].content" },
        { """{"model": "qaservice", "messages": [{"role": "wizard", "content": "Who visited?"}]}""", 400, "messages[0].role" },
        { """{"model": "qaservice", "messages": [{"role": "user", "content": "Who visited?"}, {"role": "assistant", "content": "x"}]}""", 400, "messages" },
        { """{"model": "qaservice", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}]}""", 400, "messages[0].content" },
        { """{"model": "qaservice", "n": 3, "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "n" },
        { """{"model": "qaservice", "n": "2", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "n" },
        { """{"model": "qaservice", "n": [1], "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "n" },
        { """{"model": "qaservice", "messages": [{"role": "user", "content": "Who \ud800 visited?"}]}""", 400, null },
        { """{"model": "qaservice", "messages": [{"role": "system", "content": "\udc00"}, {"role": "user", "content": "Who visited?"}]}""", 400, null },
        { """{"model": "qaservice\ud800", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, null },
        { """{"\ud800": 1, "model": "qaservice", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, null },
        { """{"model": "qaservice", "temperature": 7, "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "temperature" },
        { """{"model": "qaservice", "top_p": "high", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "top_p" },
        { """{"model": "qaservice", "max_tokens": -5, "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "max_tokens" },
        { """{"model": "qaservice", "max_completion_tokens": 2.5, "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "max_completion_tokens" },
        { """{"model": "qaservice", "stream": "yes", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "stream" },
        { """{"messages": [{"role": "user", "content": "Who visited?"}]}""", 400, "model" },
        { """{"model": "qaservice", "model": "qaservice-extractive", "messages": [{"role": "user", "content": "Who visited?"}]}""", 400, null },
        { """{"model": "gpt-4o", "messages": [{"role": "user", "content": "Who visited?"}]}""", 404, "model" },
        { """{"model": "qaservice", "messages": [{"role": "user", "content": "Who visited?"}""", 400, null },
        { """["qaservice"]""", 400, null },
        { "{\"model\": \"qaservice\", \"messages\": [{\"role\": \"user\", \"content\": \"" + new string('a', 3000) + "\"}]}", 400, "messages" },
        { "{\"model\": \"qaservice\", \"messages\": [{\"role\": \"user\", \"content\": \"" + new string('a', 2_000_000) + "\"}]}", 413, null },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_GetsAnOpenAiShapedClientError(string body, int status, string? param)
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        var error = await ErrorOf(response);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("type").GetString()));
        Assert.True(error.TryGetProperty("code", out _));
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task NumbersWrittenAsDecimalsOrTooLarge_AreReadByTheirValue()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var one = await client.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model": "qaservice-extractive", "n": 1.0, "messages": [{"role": "user", "content": "{{Question}}"}]}""", Encoding.UTF8, "application/json"));
        using var huge = await client.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model": "qaservice-extractive", "max_tokens": 1e30, "messages": [{"role": "user", "content": "{{Question}}"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("'max_tokens' must be a whole number from 1 to 2,147,483,647.", (await ErrorOf(huge)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Utf16Body_IsReadAsTheCharsetSays()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();
        var body = $$"""{"model": "qaservice-extractive", "messages": [{"role": "user", "content": "{{Question}}"}]}""";

        using var response = await client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.Unicode, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Pezeshkian", completion.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentTypeAndUnknownPath_GetOpenAiShapedErrors()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var text = await client.PostAsync("/v1/chat/completions", new StringContent("hello", Encoding.UTF8, "text/plain"));
        using var path = await client.GetAsync("/v1/embeddings");

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("Content-Type", (await ErrorOf(text)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal("not_found", (await ErrorOf(path)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task TooManyRequests_FromTheFrameworkIsWrittenInOpenAiShape()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await OpenAiErrors.ForStatus(StatusCodes.Status429TooManyRequests).ExecuteAsync(context);

        Assert.Equal(429, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var error = JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ApiKeys_WhenSet_AreRequiredOnEveryV1Endpoint()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["OpenAi:ApiKeys:0"] = "sk-one", ["OpenAi:ApiKeys:1"] = "sk-two" });
        using var client = app.CreateClient();

        using var none = await client.GetAsync("/v1/models");
        using var wrong = await Send(client, HttpMethod.Get, "/v1/models", "sk-three");
        using var right = await Send(client, HttpMethod.Get, "/v1/models", "sk-two");
        using var completion = await Send(client, HttpMethod.Post, "/v1/chat/completions", "sk-one-and-more",
            """{"model": "qaservice", "messages": [{"role": "user", "content": "Who visited Pakistan?"}]}""");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("invalid_api_key", (await ErrorOf(none)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, completion.StatusCode);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("sk-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtractiveModel_NeverAsksTheLanguageModel()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var client = app.CreateClient();

        var reply = await Complete(client, "qaservice-extractive", stream: false);

        Assert.Equal(0, llm.Requests);
        Assert.Equal("extractive", reply.GetProperty("qaservice").GetProperty("mode").GetString());
        Assert.Contains("[1]", reply.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task GenerativeAnswer_CarriesItsSupport_AndTheInventedSentenceIsFlagged()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Enqueue(FakeReply.Answer($"{Faithful} {Invented}"));
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var client = app.CreateClient();

        var reply = await Complete(client, "qaservice", stream: false);

        var content = reply.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.Equal($"{Faithful} {Invented}", content);
        var support = reply.GetProperty("support").EnumerateArray().ToList();
        Assert.Equal(2, support.Count);
        Assert.True(support[0].GetProperty("supported").GetBoolean());
        Assert.False(support[1].GetProperty("supported").GetBoolean());
        Assert.Equal(Invented, content[support[1].GetProperty("start").GetInt32()..support[1].GetProperty("end").GetInt32()]);
        Assert.Equal(1, support[0].GetProperty("citation").GetInt32());
    }

    [Fact]
    public async Task Stream_UnderDropPolicy_SendsOnlyTheSupportedSentences_AndEndsWithDone()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Enqueue(FakeReply.Answer($"{Faithful} {Invented}"));
        var settings = new Dictionary<string, string?>(llm.HostSettings()) { ["Generation:UnsupportedPolicy"] = "drop" };
        await using var app = await KestrelTestApp.StartAsync(settings);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/v1/chat/completions", Body("qaservice", stream: true));
        var frames = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: [DONE]", frames[^1]);
        var chunks = frames[..^1].Select(f => JsonDocument.Parse(f["data: ".Length..]).RootElement).ToList();
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var content = string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var piece) ? piece.GetString() : ""));
        Assert.Equal(Faithful, content);
        var last = chunks[^1];
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Single(last.GetProperty("citations").EnumerateArray());
        Assert.True(Assert.Single(last.GetProperty("support").EnumerateArray()).GetProperty("supported").GetBoolean());
    }

    private static async Task<JsonElement> Complete(HttpClient client, string model, bool stream)
    {
        using var response = await client.PostAsync("/v1/chat/completions", Body(model, stream));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static StringContent Body(string model, bool stream) => new(
        JsonSerializer.Serialize(new { model, stream, temperature = 0.5, messages = new[] { new { role = "user", content = Question } } }),
        Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string key, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
    }
}
