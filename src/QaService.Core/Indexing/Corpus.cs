using System.Security.Cryptography;
using System.Text;
using QaService.Documents;
using QaService.Ingestion;
using QaService.Text;

namespace QaService.Indexing;

/// <summary>
/// Every document split into sentences and passages, with each sentence's stems. Sentences and passages are numbered
/// across documents; that number is the key stored in the Lucene index.
/// </summary>
public sealed class Corpus
{
    private readonly Dictionary<string, SourceDocument> documentsById;
    private readonly int[][] passagesOfSentence;

    public Corpus(IReadOnlyList<ChunkedDocument> chunked, string fingerprint)
    {
        Documents = chunked.Select(c => c.Document).ToList();
        documentsById = Documents.ToDictionary(d => d.Id);
        Sentences = chunked.SelectMany(c => c.Sentences).ToList();
        Passages = chunked.SelectMany(c => c.Passages).ToList();
        Fingerprint = fingerprint;
        SentenceTerms = Sentences.Select(s => TextAnalyzer.Instance.Terms(s.Text).ToHashSet()).ToList();

        var sentenceKeys = new Dictionary<(string, int), int>();
        for (var key = 0; key < Sentences.Count; key++)
        {
            sentenceKeys[(Sentences[key].DocumentId, Sentences[key].Ordinal)] = key;
        }

        var owners = Enumerable.Range(0, Sentences.Count).Select(_ => new List<int>()).ToArray();
        FirstSentenceKey = new int[Passages.Count];
        for (var p = 0; p < Passages.Count; p++)
        {
            var passage = Passages[p];
            FirstSentenceKey[p] = sentenceKeys[(passage.DocumentId, passage.FirstSentence)];
            for (var ordinal = passage.FirstSentence; ordinal <= passage.LastSentence; ordinal++)
            {
                owners[sentenceKeys[(passage.DocumentId, ordinal)]].Add(p);
            }
        }

        passagesOfSentence = owners.Select(o => o.ToArray()).ToArray();
        DocumentFrequency = SentenceTerms.SelectMany(t => t).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        KnownTerms = DocumentFrequency.Keys.ToHashSet();
    }

    public IReadOnlyList<SourceDocument> Documents { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The stems of each sentence, by sentence key.</summary>
    public IReadOnlyList<HashSet<string>> SentenceTerms { get; }

    /// <summary>In how many sentences each stem occurs.</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; }

    /// <summary>Every stem that occurs somewhere in the corpus.</summary>
    public IReadOnlySet<string> KnownTerms { get; }

    /// <summary>Identifies the documents and the chunking settings; equal fingerprints mean an identical index.</summary>
    public string Fingerprint { get; }

    private int[] FirstSentenceKey { get; }

    public SourceDocument? FindDocument(string id) => documentsById.GetValueOrDefault(id);

    public IReadOnlyList<int> PassagesOfSentence(int sentenceKey) => passagesOfSentence[sentenceKey];

    public IEnumerable<int> SentenceKeysOf(int passageKey)
    {
        var passage = Passages[passageKey];
        var first = FirstSentenceKey[passageKey];
        return Enumerable.Range(first, passage.LastSentence - passage.FirstSentence + 1);
    }

    /// <summary>Inverse sentence frequency of a stem; a stem the corpus never uses weighs most.</summary>
    public double Idf(string term)
    {
        var df = DocumentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((Sentences.Count - df + 0.5) / (df + 0.5)));
    }

    public static Corpus Create(IReadOnlyList<SourceDocument> documents, Chunker chunker, ChunkingOptions chunking)
    {
        var chunked = documents.Select(chunker.Chunk).ToList();
        return new Corpus(chunked, ComputeFingerprint(documents, chunking));
    }

    private static string ComputeFingerprint(IReadOnlyList<SourceDocument> documents, ChunkingOptions chunking)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        Add($"format:{IndexFormat.Version}");
        Add($"chunking:{chunking.SentencesPerPassage}:{chunking.OverlapSentences}");
        foreach (var document in documents)
        {
            Add(document.Id);
            Add(document.Title);
            Add(document.Text);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
