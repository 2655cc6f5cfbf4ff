using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace QaService.Indexing;

/// <summary>A ready, read-only index: the corpus it was built from and a searcher over it.</summary>
public sealed class IndexSnapshot : IDisposable
{
    private readonly Lucene.Net.Store.Directory directory;
    private readonly DirectoryReader reader;
    private readonly int[] keys;
    private readonly int[] passageDocuments;

    private IndexSnapshot(Corpus corpus, Lucene.Net.Store.Directory directory, DirectoryReader reader)
    {
        Corpus = corpus;
        this.directory = directory;
        this.reader = reader;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        keys = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            keys[doc] = reader.Document(doc).GetField(IndexFormat.Key)?.GetInt32Value()
                ?? throw new InvalidDataException($"Index entry {doc} has no key.");
        }

        IndexedTerms = TermsOf(reader);
        passageDocuments = new int[corpus.Passages.Count];
        var passages = Searcher.Search(new TermQuery(new Term(IndexFormat.Kind, IndexFormat.PassageKind)), Math.Max(1, corpus.Passages.Count));
        foreach (var hit in passages.ScoreDocs)
        {
            passageDocuments[keys[hit.Doc]] = hit.Doc;
        }
    }

    public Corpus Corpus { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>
    /// Every term of the indexed text, read from the index's own terms dictionary: the corpus's sentence terms and
    /// those only a passage holds (its text can join words across a sentence boundary, as "New. Delhi" does).
    /// </summary>
    public IReadOnlySet<string> IndexedTerms { get; }

    /// <summary>Sentence and passage embeddings, when dense retrieval is on.</summary>
    public Embeddings.StoredEmbeddings? Embeddings { get; internal set; }

    /// <summary>The generation folder this snapshot reads.</summary>
    public required string Folder { get; init; }

    /// <summary>The passage or sentence key stored with a Lucene document.</summary>
    public int KeyOf(int luceneDocument) => keys[luceneDocument];

    /// <summary>The Lucene document that holds a passage.</summary>
    public int PassageDocument(int passageKey) => passageDocuments[passageKey];

    /// <summary>Why the files this snapshot reads are damaged now, or null when their checksums still hold.</summary>
    public string? FindDamage() => IndexVerifier.FindDamage(directory);

    /// <summary>
    /// Opens the generation folder, proves its files whole by their checksums and checks that it holds exactly this
    /// corpus; throws when it is damaged.
    /// </summary>
    internal static IndexSnapshot Open(Corpus corpus, string generationFolder)
    {
        // Read with positioned file reads rather than memory maps: a file truncated under a memory map kills the
        // process with SIGBUS, where a read past its end is an exception the owner can recover from.
        var directory = new NIOFSDirectory(new DirectoryInfo(generationFolder));
        try
        {
            IndexVerifier.Verify(directory);
            var reader = DirectoryReader.Open(directory);
            var expected = corpus.Passages.Count + corpus.Sentences.Count;
            if (reader.NumDocs != expected)
            {
                reader.Dispose();
                throw new InvalidDataException($"The index holds {reader.NumDocs} entries where {expected} were expected.");
            }

            try
            {
                return new IndexSnapshot(corpus, directory, reader) { Folder = generationFolder };
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private static HashSet<string> TermsOf(DirectoryReader reader)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFormat.Text)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            found.Add(terms.Term.Utf8ToString());
        }

        return found;
    }
}
