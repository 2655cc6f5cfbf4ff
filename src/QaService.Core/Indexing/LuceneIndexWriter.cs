using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using QaService.Text;

namespace QaService.Indexing;

/// <summary>Writes every passage and every sentence of a corpus into a new generation folder.</summary>
internal static class LuceneIndexWriter
{
    public static void Write(Corpus corpus, string generationFolder, IProgress<string>? progress)
    {
        using var directory = FSDirectory.Open(generationFolder);
        var config = new IndexWriterConfig(TextAnalyzer.Version, TextAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        using var writer = new IndexWriter(directory, config);
        for (var key = 0; key < corpus.Passages.Count; key++)
        {
            writer.AddDocument(Entry(IndexFormat.PassageKind, key, corpus.Passages[key].Text));
        }

        progress?.Report($"indexed {corpus.Passages.Count} passages");
        for (var key = 0; key < corpus.Sentences.Count; key++)
        {
            writer.AddDocument(Entry(IndexFormat.SentenceKind, key, corpus.Sentences[key].Text));
        }

        progress?.Report($"indexed {corpus.Sentences.Count} sentences");
        writer.Commit();
    }

    private static Document Entry(string kind, int key, string text) =>
    [
        new StringField(IndexFormat.Kind, kind, Field.Store.NO),
        new StoredField(IndexFormat.Key, key),
        new TextField(IndexFormat.Text, FormatCharacters.Strip(text), Field.Store.NO),
    ];
}
