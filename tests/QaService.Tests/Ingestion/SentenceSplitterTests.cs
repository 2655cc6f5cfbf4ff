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

    [Fact]
    public void Article_ParenthesisedAcronymsAndQuotedNamesDoNotEndOrSplitSentences()
    {
        var paragraphs = SentenceSplitter.Split(BuiltInDocument.Text)
            .GroupBy(s => s.Paragraph)
            .Select(p => p.Select(s => BuiltInDocument.Text[s.Start..s.End]).ToList())
            .ToList();

        var war = Assert.Single(paragraphs, p => p[0].StartsWith("India-Pakistan war that lasted four days", StringComparison.Ordinal));
        Assert.Equal(4, war.Count);
        Assert.EndsWith("“Operation Sindoor” to avenge the killings of tourists allegedly by Pakistan based militant outfit Lashkar-e-Tayyiba (LeT) aka The Resistance Front.", war[0], StringComparison.Ordinal);
        Assert.StartsWith("Pakistan retaliated by downing", war[1], StringComparison.Ordinal);

        var newNormal = Assert.Single(paragraphs, p => p[^1] == "They have dubbed it as “new normal”.");
        Assert.EndsWith("Indian soil and Kashmir (IIOJ&K).", Assert.Single(newNormal, s => s != newNormal[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Article_EveryLineIsAParagraphAndEverySentenceButTheBylineEndsInPunctuation()
    {
        var text = BuiltInDocument.Text;
        var spans = SentenceSplitter.Split(text);
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();

        Assert.Equal(lines.Count, spans.Select(s => s.Paragraph).Distinct().Count());
        foreach (var span in spans.Skip(1))
        {
            var sentence = text[span.Start..span.End].TrimEnd('”', '’', '"', ')');
            Assert.True(sentence[^1] is '.' or '?' or '!', $"Not a whole sentence: {sentence}");
            Assert.False(char.IsLower(sentence[0]), $"Starts mid-sentence: {sentence}");
        }
    }

    [Theory]
    [InlineData("Dr. Smith arrived. He sat down.", new[] { "Dr. Smith arrived.", "He sat down." })]
    [InlineData("J. K. Rowling wrote it. Fans cheered!", new[] { "J. K. Rowling wrote it.", "Fans cheered!" })]
    [InlineData("Prices rose 3.5 percent. Was it enough? Nobody knew.", new[] { "Prices rose 3.5 percent.", "Was it enough?", "Nobody knew." })]
    [InlineData("He moved to the U.S. The weather was better.", new[] { "He moved to the U.S.", "The weather was better." })]
    [InlineData("She said, “We will win.” Then she left.", new[] { "She said, “We will win.”", "Then she left." })]
    [InlineData("e.g. apples and pears are fruit. So are plums.", new[] { "e.g. apples and pears are fruit.", "So are plums." })]
    [InlineData("Mr. and Mrs. Smith left at 5 p.m. on Friday. They returned on Sunday.", new[] { "Mr. and Mrs. Smith left at 5 p.m. on Friday.", "They returned on Sunday." })]
    [InlineData("The U.S. Army arrived. It stayed.", new[] { "The U.S. Army arrived.", "It stayed." })]
    [InlineData("Gen. Munir met Col. Khan. Talks went well.", new[] { "Gen. Munir met Col. Khan.", "Talks went well." })]
    [InlineData("It cost $3.50 at example.com today. Really!", new[] { "It cost $3.50 at example.com today.", "Really!" })]
    [InlineData("Is it true?! Yes.", new[] { "Is it true?!", "Yes." })]
    [InlineData("Wait... what happened? Nobody said.", new[] { "Wait... what happened?", "Nobody said." })]
    [InlineData("He paused… Then he spoke.", new[] { "He paused…", "Then he spoke." })]
    [InlineData("(This is an aside.) The main text goes on.", new[] { "(This is an aside.)", "The main text goes on." })]
    [InlineData("She asked, ‘Why now?’ Nobody answered.", new[] { "She asked, ‘Why now?’", "Nobody answered." })]
    [InlineData("No. 5 was chosen by the panel.", new[] { "No. 5 was chosen by the panel." })]
    [InlineData("a heading with no full stop\nThe body starts here.", new[] { "a heading with no full stop", "The body starts here." })]
    [InlineData("One.\r\nTwo.\r\n", new[] { "One.", "Two." })]
    [InlineData("  \r\n\t\n ", new string[0])]
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

    [Fact]
    public void TextRunningOnWithoutASentenceEnd_IsCutAtClauseMarks_IntoExactPiecesNoLongerThanTheLimit()
    {
        var text = string.Join(", ", Enumerable.Range(1, 400).Select(i => $"item {i} of the parks committee agenda"));

        var spans = SentenceSplitter.Split(text);

        Assert.True(spans.Count >= 8, $"{spans.Count} pieces");
        Assert.All(spans, s => Assert.InRange(s.End - s.Start, 1, SentenceSplitter.MaxLength));
        Assert.All(spans.SkipLast(1), s => Assert.Equal(',', text[s.End - 1]));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(spans.Select(s => text[s.Start..s.End])).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void TextRunningOn_IsNotCutInsideANumber()
    {
        var text = string.Join(" ", Enumerable.Range(1, 600).Select(i => $"1,{i:000}"));

        var spans = SentenceSplitter.Split(text);

        Assert.True(spans.Count > 1);
        Assert.All(spans.SkipLast(1), s => Assert.Equal(' ', text[s.End]));
    }

    [Fact]
    public void TextWithoutSpacesOrMarks_IsCutAtTheLimit()
    {
        var text = new string('x', 5_000);

        var lengths = SentenceSplitter.Split(text).Select(s => s.End - s.Start);

        Assert.Equal([2_000, 2_000, 1_000], lengths);
    }
}
