using QaService.Ingestion;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>A document that never ends a sentence (a dump without punctuation) still gets answers of sentence size.</summary>
public sealed class RunOnDocumentTests
{
    [Fact]
    public async Task Ask_OverADocumentWithoutSentenceEnds_AnswersWithAPieceOfIt_NotAllOfIt()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => i == 12_345 ? "the parks committee meets on tuesdays" : $"word{i % 997}");
        var text = string.Join(' ', words);
        using var documents = new TempFolder();
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("dump.txt", text),
            ["Retrieval:Dense"] = "false",
        });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("When does the parks committee meet?", mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains("the parks committee meets on tuesdays", reply.Answer, StringComparison.Ordinal);
        Assert.InRange(reply.Answer.Length, 1, SentenceSplitter.MaxLength);
        Assert.All(reply.Citations, c => Assert.InRange(c.End - c.Start, 1, SentenceSplitter.MaxLength));
        Assert.All(reply.Citations, c => Assert.Equal(c.Text, text[c.Start..c.End]));
    }
}
