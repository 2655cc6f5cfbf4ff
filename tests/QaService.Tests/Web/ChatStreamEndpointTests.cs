using QaService.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QaService.Tests.Web;

public sealed class ChatStreamEndpointTests
{
    private const string Question = "Which Iranian president visited Pakistan?";

    [Fact]
    public async Task ChatStream_EndsWithExactlyTheReplyOfAsk()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        // Each in a conversation of its own, so both are its first turn and only the conversation id differs.
        using var response = await client.PostAsJsonAsync("/api/chat/stream", new { question = Question, conversationId = "streamed-tab" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ServerSentEventReader.ReadAllAsync(response);
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = Question, conversationId = "asking-tab" });

        var done = Assert.Single(events, e => e.Type == "done").Data;
        var askReply = await asked.Content.ReadAsStringAsync();
        Assert.Equal(askReply.Replace("\"asking-tab\"", "\"streamed-tab\"", StringComparison.Ordinal), done.GetRawText());
        Assert.True(JsonElement.DeepEquals(done.GetProperty("citations"), events.Single(e => e.Type == "citations").Data));
        Assert.Equal(done.GetProperty("answer").GetString(), string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Data.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task ChatStream_WithConversationId_KeepsIt()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/chat/stream", new { question = Question, conversationId = "tab-42" });
        var done = (await ServerSentEventReader.ReadAllAsync(response)).Single(e => e.Type == "done").Data;

        Assert.Equal("tab-42", done.GetProperty("conversationId").GetString());
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "application/json", """{"question": ""}""", "empty" },
        { "application/json", """{"question": "   "}""", "empty" },
        { "application/json", $$"""{"question": "{{new string('a', 2001)}}"}""", "limit" },
        { "application/json", """{"question": "Who""", "JSON" },
        { "application/json", """{"question": "Who?", "mode": "poetic"}""", "mode" },
        { "text/plain", "Who wrote this article?", "Content-Type" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ChatStream_WithBadInput_ReturnsProblemInsteadOfAStream(string contentType, string body, string detailMentions)
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/chat/stream", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_WithWrongContentType_ReturnsBadRequestProblemNot415()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/ask", new StringContent("Who wrote this article?", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
