using Microsoft.Extensions.Options;
using QaService.Documents;
using QaService.Ingestion;

namespace QaService.Tests.Ingestion;

public sealed class ChunkerTests
{
    // Windows line endings, Markdown, emoji (surrogate pairs and a joined sequence), blank lines, a tab, trailing spaces
    // and a last line with no line ending.
    private static readonly SourceDocument Synthetic = new("notes", "Field notes", string.Concat(
        "# Field notes 🌍\r\n",
        "\r\n",
        "Dr. Ada Lovelace wrote the first program. It ran on the Analytical Engine! Was it ever built? ",
        "The U.S. Navy later named a language after her 👩‍💻. She died in 1852. Her notes survive. 🎉 Readers still quote them.\r\n",
        "\r\n",
        "- **Bold** claims need *evidence*. Links like [docs](https://example.com/a.b) stay inside.   \r\n",
        "- Emoji 😀 in the middle is fine.\tTabs too. “Quoted sentences end here.” So does this one.\r\n",
        "\r\n\r\n",
        "> A quoted line ends here.\r\n",
        "Last line without a full stop"));

    public static TheoryData<string, int, int> DocumentsAndWindows()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var document in new[] { "article", "notes" })
        {
            foreach (var (size, overlap) in new[] { (3, 1), (1, 0), (2, 1), (4, 0), (5, 3) })
            {
                data.Add(document, size, overlap);
            }
        }

        return data;
    }

    private static SourceDocument Document(string id) => id == BuiltInDocument.Id ? BuiltInDocument.Document : Synthetic;

    private static ChunkedDocument Chunk(SourceDocument document, int size, int overlap) =>
        new Chunker(Options.Create(new ChunkingOptions { SentencesPerPassage = size, OverlapSentences = overlap })).Chunk(document);

    [Theory]
    [MemberData(nameof(DocumentsAndWindows))]
    public void Chunk_EverySentenceIsTheExactSliceOfTheDocument(string documentId, int size, int overlap)
    {
        var document = Document(documentId);
        var text = document.Text;
        var sentences = Chunk(document, size, overlap).Sentences;

        Assert.NotEmpty(sentences);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            Assert.Equal(i, sentence.Ordinal);
            Assert.Equal(document.Id, sentence.DocumentId);
            Assert.Equal(text[sentence.Start..sentence.End], sentence.Text);
            Assert.Equal(sentence.Text.Trim(), sentence.Text);
            Assert.DoesNotContain('\r', sentence.Text);
            Assert.DoesNotContain('\n', sentence.Text);
            Assert.False(char.IsLowSurrogate(text[sentence.Start]), $"Sentence {i} starts inside an emoji.");
            Assert.False(char.IsHighSurrogate(text[sentence.End - 1]), $"Sentence {i} ends inside an emoji.");
        }

        // Nothing but white space is left out between sentences, and they come in order.
        var cursor = 0;
        foreach (var sentence in sentences)
        {
            Assert.True(sentence.Start >= cursor, $"Sentence {sentence.Ordinal} overlaps the one before it.");
            Assert.True(string.IsNullOrWhiteSpace(text[cursor..sentence.Start]), $"Text lost before sentence {sentence.Ordinal}: '{text[cursor..sentence.Start]}'");
            cursor = sentence.End;
        }

        Assert.True(string.IsNullOrWhiteSpace(text[cursor..]));
    }

    [Theory]
    [MemberData(nameof(DocumentsAndWindows))]
    public void Chunk_EveryPassageIsTheExactSliceOfItsWholeSentences(string documentId, int size, int overlap)
    {
        var document = Document(documentId);
        var chunked = Chunk(document, size, overlap);

        Assert.Equal(chunked.Passages.Count, chunked.Passages.Select(p => p.Id).Distinct().Count());
        for (var i = 0; i < chunked.Passages.Count; i++)
        {
            var passage = chunked.Passages[i];
            Assert.Equal(i, passage.Ordinal);
            Assert.Equal(document.Id, passage.DocumentId);
            Assert.Equal(document.Text[passage.Start..passage.End], passage.Text);
            Assert.Equal(chunked.Sentences[passage.FirstSentence].Start, passage.Start);
            Assert.Equal(chunked.Sentences[passage.LastSentence].End, passage.End);
        }
    }

    [Theory]
    [MemberData(nameof(DocumentsAndWindows))]
    public void Chunk_PassagesAreWindowsOfTheConfiguredSizeAndOverlapWithinOneParagraph(string documentId, int size, int overlap)
    {
        var chunked = Chunk(Document(documentId), size, overlap);
        var sentences = chunked.Sentences;

        foreach (var paragraph in sentences.GroupBy(s => s.Paragraph))
        {
            var inParagraph = paragraph.ToList();
            var windows = chunked.Passages.Where(p => p.Paragraph == paragraph.Key).ToList();
            Assert.NotEmpty(windows);
            Assert.Equal(inParagraph[0].Ordinal, windows[0].FirstSentence);
            Assert.Equal(inParagraph[^1].Ordinal, windows[^1].LastSentence);
            for (var w = 0; w < windows.Count; w++)
            {
                var window = windows[w];
                var length = window.LastSentence - window.FirstSentence + 1;
                Assert.All(sentences.Skip(window.FirstSentence).Take(length), s => Assert.Equal(paragraph.Key, s.Paragraph));
                if (w < windows.Count - 1)
                {
                    Assert.Equal(size, length);
                    Assert.Equal(overlap, window.LastSentence - windows[w + 1].FirstSentence + 1);
                }
                else
                {
                    Assert.InRange(length, 1, size);
                }
            }
        }
    }

    [Fact]
    public void Chunk_SyntheticDocument_KeepsMarkdownLinksAndEmojiInsideTheirSentences()
    {
        var sentences = Chunk(Synthetic, 3, 1).Sentences.Select(s => s.Text).ToList();

        Assert.Equal("# Field notes 🌍", sentences[0]);
        Assert.Contains("The U.S. Navy later named a language after her 👩‍💻.", sentences);
        Assert.Contains("Links like [docs](https://example.com/a.b) stay inside.", sentences);
        Assert.Contains("“Quoted sentences end here.”", sentences);
        Assert.Equal("Last line without a full stop", sentences[^1]);
    }
}
