using Microsoft.Extensions.Options;
using QaService.Documents;
using QaService.Indexing;
using QaService.Ingestion;

namespace QaService.Tests.Indexing;

public sealed class CorpusAuthorshipTests
{
    [Fact]
    public void AuthorshipSentences_AreTheBylineAndTheClosingAuthorNote_NotEverySentenceThatMentionsAWriter()
    {
        const string text = "Mara Lind\nMany authors have written about the river Zorbl. Its writers praise the north bank.\n"
            + "The writer Ilse Marren called it the coldest river.\n\nThe writer teaches geography in Velmora.\n";
        var corpus = Corpus.Create(
            [new SourceDocument("zorbl", "Zorbl", text)], new Chunker(Options.Create(new ChunkingOptions())), new ChunkingOptions());

        var authorship = corpus.AuthorshipSentences.Select(k => corpus.Sentences[k].Text).Order().ToList();

        Assert.Equal(["Mara Lind", "The writer teaches geography in Velmora."], authorship);
    }

    [Theory]
    [InlineData("The author's later novels are set on the river Zorbl.")]
    [InlineData("The writer Ilse Marren called it the coldest river.")]
    [InlineData("The writers’ guild meets by the river.")]
    public void ALastParagraphThatMentionsAWriter_IsNotAnAuthorNote(string sentence)
    {
        var corpus = Corpus.Create(
            [new SourceDocument("zorbl", "Zorbl", "The river Zorbl flows north.\n" + sentence + "\n")],
            new Chunker(Options.Create(new ChunkingOptions())), new ChunkingOptions());

        Assert.Empty(corpus.AuthorshipSentences);
    }
}
