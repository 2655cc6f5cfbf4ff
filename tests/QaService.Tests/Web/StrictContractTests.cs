using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>The ask body is read strictly: each mistake is a 400 that names the field and says what it must be.</summary>
public sealed class StrictContractTests
{
    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "a conversationId with a trailing newline", "{\"question\": \"Who?\", \"conversationId\": \"nl-test\\n\"}", "conversationId is 1 to 64" },
        { "a conversationId with a space and a slash", "{\"question\": \"Who?\", \"conversationId\": \"a b/c\"}", "conversationId is 1 to 64" },
        { "an empty conversationId", "{\"question\": \"Who?\", \"conversationId\": \"\"}", "conversationId is 1 to 64" },
        { "a 65-character conversationId", $"{{\"question\": \"Who?\", \"conversationId\": \"{new string('a', 65)}\"}}", "conversationId is 1 to 64" },
        { "mode 0", "{\"question\": \"Who?\", \"mode\": \"0\"}", "use auto, extractive or generative" },
        { "mode 1", "{\"question\": \"Who?\", \"mode\": \"1\"}", "use auto, extractive or generative" },
        { "mode 2", "{\"question\": \"Who?\", \"mode\": \"2\"}", "use auto, extractive or generative" },
        { "a list of modes", "{\"question\": \"Who?\", \"mode\": \"extractive, auto\"}", "use auto, extractive or generative" },
        { "an empty mode", "{\"question\": \"Who?\", \"mode\": \"\"}", "use auto, extractive or generative" },
        { "a number as the question", "{\"question\": 42}", "The field 'question' must be a string." },
        { "an array as the question", "{\"question\": [\"Who?\"]}", "The field 'question' must be a string." },
        { "a lone surrogate in the question", "{\"question\": \"Who \\ud800 wrote it?\"}", "The field 'question' is not valid Unicode text" },
        { "a number as the conversationId", "{\"question\": \"Who?\", \"conversationId\": 7}", "The field 'conversationId' must be a string." },
        { "a string as explain", "{\"question\": \"Who?\", \"explain\": \"yes\"}", "The field 'explain' must be true or false." },
        { "a number as the mode", "{\"question\": \"Who?\", \"mode\": 1}", "The field 'mode' must be a string: auto, extractive or generative." },
        { "an array as the body", "[\"Who?\"]", "The body must be a JSON object" },
        { "the JSON null", "null", "The body must be a JSON object" },
        { "nesting past the depth limit", "{\"question\": \"Who?\", \"extra\": " + new string('[', 80) + new string(']', 80) + "}", "The body nests deeper than 64 levels" },
        { "malformed JSON", "{\"question\": \"Who?\"", "not valid JSON" },
        { "the question twice", "{\"question\": \"Who wrote it?\", \"question\": \"x\"}", "The field 'question' appears more than once" },
        { "the question twice, in two cases", "{\"question\": \"Who wrote it?\", \"Question\": \"x\"}", "The field 'question' appears more than once" },
        { "the mode twice", "{\"question\": \"Who?\", \"mode\": \"auto\", \"MODE\": \"generative\"}", "The field 'mode' appears more than once" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AskAndStream_WithAMistakeInTheBody_Return400ThatSaysWhatIsWrong(string kind, string body, string expected)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/api/ask", "/api/chat/stream" })
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(path, content);

            var detail = (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
            Assert.True(detail.Contains(expected, StringComparison.Ordinal), $"{kind} at {path}: {detail}");
            Assert.DoesNotContain("QaService.", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("extractive")]
    [InlineData("EXTRACTIVE")]
    [InlineData("Auto")]
    [InlineData("generative")]
    public async Task Ask_WithAModeNameInAnyCase_IsAccepted(string mode)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Which Iranian president visited Pakistan?", mode);

        Assert.Equal("extractive", reply.Mode);
    }

    [Fact]
    public async Task Ask_WithAWellFormedClientId_KeepsIt()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Which Iranian president visited Pakistan?", conversationId: "my-chat_01");

        Assert.Equal("my-chat_01", reply.ConversationId);
    }
}
