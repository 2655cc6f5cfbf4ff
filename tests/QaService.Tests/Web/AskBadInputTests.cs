using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>Whatever a client sends to <c>POST /api/ask</c>, it gets a 400 problem or a normal answer, never a 500.</summary>
public sealed class AskBadInputTests
{
    public static TheoryData<string, string> QuestionsThatAreOnlyWords() => new()
    {
        { "Lucene syntax", "C++ AND (war) \"x title:y /re/ *" },
        { "a lone NOT", "NOT" },
        { "operators only", "AND OR NOT && || !" },
        { "a star", "*" },
        { "a question mark", "?" },
        { "ranges, boosts and fuzz", "title:Pakistan~2 ^3 [a TO z] {b TO c} \\ war^10" },
        { "stop words only", "what is the" },
        { "emoji", "🤔 who visited 🇵🇰 Pakistan? 👩‍💻" },
        { "control characters around words", "\u0007Which\u0000 Iranian\u001b[31m president\t visited\r\n Pakistan?\u007f" },
        { "right-to-left and accents", "\u202Eپاکستان Pezeshkian café naïve" },
        { "a lone surrogate", "Pakistan \ud83d war" },
        { "words glued with punctuation", "israel/iran,india;pakistan...war???" },
    };

    [Theory]
    [MemberData(nameof(QuestionsThatAreOnlyWords))]
    public async Task Ask_WithOddText_ReturnsANormalAnswer(string kind, string question)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question);

        Assert.False(string.IsNullOrWhiteSpace(reply.Answer), kind);
        Assert.Equal("extractive", reply.Mode);
        await client.AssertCitationsAreExactAsync(reply);
    }

    /// <summary>
    /// Thirty made-up words are more than any training question had; read at face value, the count alone made the
    /// answer model certain (confidence 1) of an answer that shares no word with them.
    /// </summary>
    [Theory]
    [InlineData("/api/ask")]
    [InlineData("/v1/chat/completions")]
    public async Task ACompressedBody_IsRefusedNamingItsEncoding(string path)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("""{"model": "qaservice", "question": "Who visited?", "messages": [{"role": "user", "content": "Who visited?"}]}"""));
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Content-Encoding 'gzip', which QaService does not read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithALongRunOfWordsNoDocumentUses_IsNeverSure()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        var random = new Random(11);
        var words = Enumerable.Range(0, 30).Select(_ => new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26))).ToArray()));

        var reply = await client.AskOkAsync(string.Join(' ', words), mode: "extractive");

        Assert.True(reply.Abstained || reply.Confidence < 0.6, $"answered with confidence {reply.Confidence}: {reply.Answer}");
    }

    [Fact]
    public async Task Ask_WithLuceneSyntax_SearchesTheWordsInIt()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("C++ AND (war) \"x title:y /re/ *");

        Assert.Contains(reply.Citations, c => c.Text.Contains("war", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ask_WithOnlyStopWords_Abstains()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("what is the");

        Assert.True(reply.Abstained);
        Assert.StartsWith("The article does not say", reply.Answer, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> QuestionsThatCannotBeAsked() => new()
    {
        { "empty", "" },
        { "white space", " \t\r\n  " },
        { "missing", null },
        { "control characters only", "\u0000\u0001\u0002\u001b\u007f" },
        { "one character past the limit", new string('a', 2001) },
    };

    [Fact]
    public async Task Ask_WithA100KilobyteQuestion_ReturnsA413Problem()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        using var response = await client.AskAsync(string.Concat(Enumerable.Repeat("Why did Pezeshkian visit Pakistan? ", 100 * 1024 / 35)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QuestionsThatCannotBeAsked))]
    public async Task Ask_WithAQuestionThatCannotBeAsked_ReturnsA400Problem(string kind, string? question)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        using var response = await client.AskAsync(question!);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), kind);
    }

    public static TheoryData<string, string?, byte[]> BodiesThatAreNotAskRequests() => new()
    {
        { "malformed JSON", "application/json", Utf8("{\"question\": \"Who wrote it?\"") },
        { "trailing garbage", "application/json", Utf8("{\"question\": \"Who wrote it?\"} }") },
        { "binary garbage", "application/json", [0xFF, 0xFE, 0x00, 0x9C, 0x80, 0x01, 0xC3, 0x28, 0x7B] },
        { "invalid UTF-8 inside the question", "application/json", [.. Utf8("{\"question\": \"Who "), 0xC3, 0x28, 0xFF, .. Utf8(" wrote it?\"}")] },
        { "a lone surrogate escape", "application/json", Utf8("{\"question\": \"Who \\ud800 wrote it?\"}") },
        { "empty body", "application/json", [] },
        { "the JSON null", "application/json", Utf8("null") },
        { "an array", "application/json", Utf8("[\"Who wrote it?\"]") },
        { "a bare string", "application/json", Utf8("\"Who wrote it?\"") },
        { "a number as the question", "application/json", Utf8("{\"question\": 42}") },
        { "an object as the question", "application/json", Utf8("{\"question\": {\"text\": \"Who?\"}}") },
        { "deep nesting", "application/json", Utf8(new string('[', 5000) + new string(']', 5000)) },
        { "an unknown mode", "application/json", Utf8("{\"question\": \"Who wrote it?\", \"mode\": \"telepathic\"}") },
        { "a number as the mode", "application/json", Utf8("{\"question\": \"Who wrote it?\", \"mode\": 7}") },
        { "an undefined numeric mode", "application/json", Utf8("{\"question\": \"Who wrote it?\", \"mode\": \"99\"}") },
        { "plain text", "text/plain", Utf8("Who wrote it?") },
        { "a form", "application/x-www-form-urlencoded", Utf8("question=Who+wrote+it%3F") },
        { "XML", "application/xml", Utf8("<ask><question>Who wrote it?</question></ask>") },
        { "no content type", null, Utf8("{\"question\": \"Who wrote it?\"}") },
    };

    [Theory]
    [MemberData(nameof(BodiesThatAreNotAskRequests))]
    public async Task Ask_WithABodyThatIsNotAnAskRequest_ReturnsA400Problem(string kind, string? contentType, byte[] body)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync("/api/ask", content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), kind);
    }

    [Fact]
    public async Task Ask_WithACharsetAndJsonSuffixContentType_IsAccepted()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        using var content = new StringContent("{\"question\": \"Which Iranian president visited Pakistan?\"}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/problem+json; charset=utf-8");

        using var response = await client.PostAsync("/api/ask", content);

        await response.ReadReplyAsync();
    }

    [Fact]
    public async Task Ask_WithAUtf16Body_IsReadAsTheCharsetSays_AndAnUnknownCharsetIsNamed()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        using var utf16 = new StringContent("{\"question\": \"Which Iranian president visited Pakistan?\"}", Encoding.Unicode, "application/json");
        using var unknown = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"question\": \"Who?\"}"));
        unknown.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=klingon-8");

        using var read = await client.PostAsync("/api/ask", utf16);
        using var refused = await client.PostAsync("/api/ask", unknown);

        Assert.Contains("Pezeshkian", (await read.ReadReplyAsync()).Answer, StringComparison.Ordinal);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("charset 'klingon-8'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Ask_WithAnotherMethod_IsRefusedWithoutAServerError(string method)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/ask"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
