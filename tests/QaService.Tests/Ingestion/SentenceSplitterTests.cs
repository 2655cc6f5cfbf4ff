using QaService.Documents;
using QaService.Ingestion;

namespace QaService.Tests.Ingestion;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Article_KeepsUsPresidentInOneSentence()
    {
        var sentences = Sentences(BuiltInDocument.Text);
        Assert.Contains(
            "U.S. President Donald Trump claimed that Ayatollah Ali Khamenei’s life was spared because he had opposed his assassination.",
            sentences);
    }

    [Fact]
    public void Article_BylineAndAuthorNoteAreSentencesOfTheirOwn()
    {
        var sentences = Sentences(BuiltInDocument.Text);
        Assert.Equal("Khurram Khan", sentences[0]);
        Assert.Equal("The author is former Joint Director General, Intelligence Bureau, Govt. of Pakistan.", sentences[^1]);
    }

    [Fact]
    public void Article_CurlyQuotesCloseTheSentenceTheyEnd()
    {
        var sentences = Sentences(BuiltInDocument.Text);
        Assert.Contains("They have dubbed it as “new normal”.", sentences);
    }

    [Fact]
    public void Article_EmDashesAndEnDashesStayInsideSentences()
    {
        var sentences = Sentences(BuiltInDocument.Text);
        Assert.Contains(sentences, s => s.StartsWith("Pakistan, already facing two front situations – India in the east", StringComparison.Ordinal)
                                        && s.EndsWith("regime in Iran.", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("The growing support for a two-state solution", StringComparison.Ordinal)
                                        && s.Contains("countries—following France’s", StringComparison.Ordinal)
                                        && s.EndsWith("ceasefire in Gaza.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Dr. Smith arrived. He sat down.", new[] { "Dr. Smith arrived.", "He sat down." })]
    [InlineData("J. K. Rowling wrote it. Fans cheered!", new[] { "J. K. Rowling wrote it.", "Fans cheered!" })]
    [InlineData("Prices rose 3.5 percent. Was it enough? Nobody knew.", new[] { "Prices rose 3.5 percent.", "Was it enough?", "Nobody knew." })]
    [InlineData("He moved to the U.S. The weather was better.", new[] { "He moved to the U.S.", "The weather was better." })]
    [InlineData("She said, “We will win.” Then she left.", new[] { "She said, “We will win.”", "Then she left." })]
    [InlineData("e.g. apples and pears are fruit. So are plums.", new[] { "e.g. apples and pears are fruit.", "So are plums." })]
    public void GeneralProse_SplitsAtSentenceEndsOnly(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Split_EverySpanIsTrimmedAndInsideItsLine()
    {
        var text = BuiltInDocument.Text;
        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = text[span.Start..span.End];
            Assert.Equal(sentence.Trim(), sentence);
            Assert.DoesNotContain('\n', sentence);
        }
    }
}
