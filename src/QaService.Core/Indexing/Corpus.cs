using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using QaService.Documents;
using QaService.Ingestion;
using QaService.Text;

namespace QaService.Indexing;

/// <summary>
/// Every document split into sentences and passages, with each sentence's stems. Sentences and passages are numbered
/// across documents; that number is the key stored in the Lucene index.
/// </summary>
public sealed partial class Corpus
{
    private readonly Dictionary<string, SourceDocument> documentsById;
    private readonly int[][] passagesOfSentence;
    private readonly HashSet<string> documentsWithAuthorNote;

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
        var lastParagraph = Sentences.GroupBy(s => s.DocumentId).ToDictionary(g => g.Key, g => g.Max(s => s.Paragraph));
        var authorNotes = Enumerable.Range(0, Sentences.Count)
            .Where(k => Sentences[k].Paragraph == lastParagraph[Sentences[k].DocumentId] && AuthorNote().IsMatch(Sentences[k].Text))
            .ToHashSet();
        documentsWithAuthorNote = authorNotes.Select(k => Sentences[k].DocumentId).ToHashSet();
        AuthorshipSentences = Enumerable.Range(0, Sentences.Count).Where(k => IsByline(k) || IsSenderLine(k) || authorNotes.Contains(k)).ToHashSet();
        var bodyTerms = Enumerable.Range(0, Sentences.Count).Where(k => !AuthorshipSentences.Contains(k)).SelectMany(k => SentenceTerms[k]).ToHashSet();
        AuthorTerms = AuthorshipSentences.Where(IsByline).SelectMany(k => SentenceTerms[k]).Where(t => !bodyTerms.Contains(t)).ToHashSet();
        SentenceNames = Sentences.Select(s => NamedThings.Stems(s.Text).ToHashSet()).ToList();
        NameTerms = SentenceNames.SelectMany(n => n).ToHashSet();
        HeadingSentences = Enumerable.Range(0, Sentences.Count).Where(IsMarkedHeading).ToHashSet();
        var body = Enumerable.Range(0, Sentences.Count).Where(key => !AuthorshipSentences.Contains(key) && !HeadingSentences.Contains(key) && !IsHeading(key)).ToList();
        OpeningSentences = EdgeParagraph(body, paragraphs => paragraphs.Min());
        ClosingSentences = EdgeParagraph(body, paragraphs => paragraphs.Max());
        termsByPrefix = KnownTerms.Where(t => t.Length >= PrefixLength)
            .GroupBy(t => t[..PrefixLength])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    private const int PrefixLength = 5;
    private readonly Dictionary<string, string[]> termsByPrefix;

    /// <summary>Known stems that start with a five-letter <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> TermsWithPrefix(string prefix) =>
        prefix.Length == PrefixLength && termsByPrefix.TryGetValue(prefix, out var terms) ? terms : [];

    public IReadOnlyList<SourceDocument> Documents { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The stems of each sentence, by sentence key.</summary>
    public IReadOnlyList<HashSet<string>> SentenceTerms { get; }

    /// <summary>In how many sentences each stem occurs.</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; }

    /// <summary>Bylines ("Khurram Khan" alone on a document's first line) and sentences about the author.</summary>
    public IReadOnlySet<int> AuthorshipSentences { get; }

    /// <summary>The document's headings, each a paragraph of its own (see <see cref="SourceDocument.Headings"/>).</summary>
    public IReadOnlySet<int> HeadingSentences { get; }

    /// <summary>Stems only a byline uses (the author's name): a question with one is about the author.</summary>
    public IReadOnlySet<string> AuthorTerms { get; }

    /// <summary>Stems of every word of every name in the documents ("iran", "trump", "usa").</summary>
    public IReadOnlySet<string> NameTerms { get; }

    /// <summary>Each sentence's name stems, by sentence key.</summary>
    public IReadOnlyList<IReadOnlySet<string>> SentenceNames { get; }

    /// <summary>Every stem that occurs somewhere in the corpus.</summary>
    public IReadOnlySet<string> KnownTerms { get; }

    /// <summary>Identifies the documents and the chunking settings; equal fingerprints mean an identical index.</summary>
    public string Fingerprint { get; }

    private int[] FirstSentenceKey { get; }

    // "The author is a former …", "The writer teaches …": the note newspapers put under an article, in its last
    // paragraph. A sentence that mentions authors ("Many authors have written about it", "The author's novels …",
    // "The writer Ilse Marren said …") is not one.
    [GeneratedRegex(@"^\W*(?i:(about )?the (author|writer)s?)\b(?!['’])(?!\s+\p{Lu})")]
    private static partial Regex AuthorNote();

    private const int HeaderLines = 6;


    /// <summary>
    /// A short capitalised first line that says "By …", or that opens a document which ends with a note about its
    /// author. Alone, such a line is as likely a title ("Quarterly Report", "Project Notes") as a name.
    /// </summary>
    private bool IsByline(int key)
    {
        var sentence = Sentences[key];
        var words = sentence.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return sentence.Ordinal == 0 && words.Length <= 6 && !char.IsPunctuation(sentence.Text[^1])
            && words.All(w => char.IsUpper(w[0]) || w is "by" or "and" or "de" or "van" or "von")
            && (words[0].Equals("by", StringComparison.OrdinalIgnoreCase) || documentsWithAuthorNote.Contains(sentence.DocumentId));
    }

    /// <summary>
    /// The line of a memo's or a letter's header that names who sent it ("From: Priya Raman, Chief Operating Officer"),
    /// among the lines that open the document and beside another header line ("To: …", "Date: …"): a lone
    /// "From: Aberdeen" in a travel plan is no sender.
    /// </summary>
    private bool IsSenderLine(int key) =>
        Sentences[key].Ordinal < HeaderLines && IsAlone(key) && HeaderLine.NamesSender(Sentences[key].Text)
        && new[] { key - 1, key + 1 }.Any(other => other >= 0 && other < Sentences.Count
            && Sentences[other].DocumentId == Sentences[key].DocumentId && IsAlone(other) && HeaderLine.IsField(Sentences[other].Text));

    /// <summary>A title or heading: a paragraph of one line that does not end like a sentence.</summary>
    private bool IsHeading(int key) => IsAlone(key) && !char.IsPunctuation(Sentences[key].Text[^1]);

    /// <summary>The sentences under a heading, up to the next heading or the end of its document.</summary>
    public IReadOnlyList<int> SectionUnder(int headingKey)
    {
        var section = new List<int>();
        for (var key = headingKey + 1; key < Sentences.Count && Sentences[key].DocumentId == Sentences[headingKey].DocumentId && !HeadingSentences.Contains(key); key++)
        {
            section.Add(key);
        }

        return section;
    }

    private bool IsMarkedHeading(int key) =>
        IsAlone(key) && documentsById[Sentences[key].DocumentId].Headings.Contains(Sentences[key].Text.Trim());

    private bool IsAlone(int key) =>
        (key == 0 || !SameParagraph(key - 1, key)) && (key == Sentences.Count - 1 || !SameParagraph(key, key + 1));

    public bool SameParagraph(int sentenceKey, int otherKey) =>
        Sentences[sentenceKey].DocumentId == Sentences[otherKey].DocumentId
        && Sentences[sentenceKey].Paragraph == Sentences[otherKey].Paragraph;

    /// <summary>The sentences of each document's first paragraph, headings, bylines and author notes aside.</summary>
    public IReadOnlySet<int> OpeningSentences { get; }

    /// <summary>The sentences of each document's last paragraph, headings, bylines and author notes aside.</summary>
    public IReadOnlySet<int> ClosingSentences { get; }

    private HashSet<int> EdgeParagraph(List<int> body, Func<IEnumerable<int>, int> pick) =>
        body.GroupBy(key => Sentences[key].DocumentId)
            .SelectMany(document =>
            {
                var paragraph = pick(document.Select(key => Sentences[key].Paragraph));
                return document.Where(key => Sentences[key].Paragraph == paragraph);
            })
            .ToHashSet();

    public SourceDocument? FindDocument(string id) => documentsById.GetValueOrDefault(id);

    public IReadOnlyList<int> PassagesOfSentence(int sentenceKey) => passagesOfSentence[sentenceKey];

    public IEnumerable<int> SentenceKeysOf(int passageKey)
    {
        var (first, count) = SentenceKeyRange(passageKey);
        return Enumerable.Range(first, count);
    }

    /// <summary>A passage's sentences are consecutive keys: the first of them and how many.</summary>
    public (int First, int Count) SentenceKeyRange(int passageKey)
    {
        var passage = Passages[passageKey];
        return (FirstSentenceKey[passageKey], passage.LastSentence - passage.FirstSentence + 1);
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
        return new Corpus(chunked, FingerprintOf(documents, chunking));
    }

    /// <summary>The <see cref="Fingerprint"/> a corpus of these documents would have, without splitting them.</summary>
    public static string FingerprintOf(IReadOnlyList<SourceDocument> documents, ChunkingOptions chunking)
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
