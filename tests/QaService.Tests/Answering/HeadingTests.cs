using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// Headings name sections and say nothing of them: over a Markdown biography whose title is the person's name, a
/// question about the person is answered from the text, never with a heading.
/// </summary>
public sealed class HeadingTests : IDisposable
{
    private const string Biography = """
        # Ilse Marren

        Ilse Marren (born 1958 in Velmora) is a conductor and composer.

        ## Early life

        Marren studied the violin at the Tarsk Conservatory.

        ## Later life

        She lives in Olberg, where she founded a youth orchestra in 2004.
        """;

    private readonly TempFolder documents = new();

    [Theory]
    [InlineData("Who is Ilse Marren?", "conductor")]
    [InlineData("What did Ilse Marren study?", "violin")]
    [InlineData("When was Ilse Marren born?", "1958")]
    public async Task Ask_AboutTheOneTheTitleNames_IsAnsweredFromTheText(string question, string expected)
    {
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            [TestDefaults.Hybrid.Key] = TestDefaults.Hybrid.Value,
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("marren.md", Biography),
        });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question, mode: "extractive");

        Assert.Contains(expected, reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Citations, c => c.Text is "Ilse Marren" or "Early life" or "Later life");
    }

    public void Dispose() => documents.Dispose();
}
