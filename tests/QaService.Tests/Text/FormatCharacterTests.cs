using QaService.Tests.Support;
using QaService.Text;

namespace QaService.Tests.Text;

/// <summary>
/// Documents pasted from the web carry invisible format characters inside words (soft hyphens, zero-width spaces and
/// joiners): their words still meet the same words typed plainly, and citations still point at the original text.
/// </summary>
public sealed class FormatCharacterTests
{
    private const string Visits =
        "Ilse Marren travelled to Lisbon in May.\n\n" +
        "Tomas Varga travelled to Nairobi in March.\n\n" +
        "Masoud Pez\u00ADesh\u00ADkian travelled to Islamabad in August.\n";

    [Fact]
    public void WordsWithFormatCharacters_HaveTheTermsOfThePlainWords() =>
        Assert.Equal(
            TextAnalyzer.Instance.Terms("Pezeshkian visited Islamabad"),
            TextAnalyzer.Instance.Terms("Pez\u00ADeshkian vis\u200Bited Is\u2060lama\u200Dbad"));

    [Theory]
    [InlineData("Pezeshkian visited Islamabad")]
    [InlineData("Who is 👩 Pezeshkian?")]
    public void Strip_ReturnsTextWithoutFormatCharactersAsItIs(string text) => Assert.Same(text, FormatCharacters.Strip(text));

    [Fact]
    public void Strip_TakesOutFormatCharactersBeyondTheBasicPlaneToo() =>
        Assert.Equal("Who is Pezeshkian 👩💻?", FormatCharacters.Strip("Who is \U000E0041Pez\u00ADeshkian 👩\u200D💻?"));

    [Fact]
    public async Task Ask_ForANameWrittenWithSoftHyphens_CitesItsSentenceAtItsExactSpan()
    {
        using var documents = new TempFolder();
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("visits.txt", Visits),
            ["Retrieval:Dense"] = "false",
        });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Where did Pezeshkian travel?", mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.StartsWith("Masoud Pez\u00ADesh\u00ADkian travelled to Islamabad", reply.Answer, StringComparison.Ordinal);
        var citation = reply.Citations[0];
        Assert.Equal(citation.Text, Visits[citation.Start..citation.End]);
        Assert.Contains("Islamabad", citation.Text, StringComparison.Ordinal);
    }
}
