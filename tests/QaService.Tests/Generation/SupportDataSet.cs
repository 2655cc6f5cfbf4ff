using System.Text.Json;
using Microsoft.Extensions.Options;
using QaService.Documents;
using QaService.Embeddings;
using QaService.Generation.Support;
using QaService.Indexing;
using QaService.Ingestion;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary>One labelled (answer sentence, passages) pair of SupportData/support-pairs.jsonl, with its features.</summary>
public sealed record SupportPair(string Id, string Kind, bool Supported, bool HeldOut, SupportFeatures Features);

/// <summary>
/// The support checker's data set: sentences written about one paragraph of the built-in article or of
/// SupportData/reservoir.txt, labelled supported (faithful or paraphrased) or not (a changed name, number or negation,
/// or an invented claim). The passages are that paragraph's passages, as the index chunks it. The split is by source
/// paragraph: every other paragraph of each document is held out, so no held-out paragraph was seen in fitting.
/// </summary>
public static class SupportDataSet
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "QaService.Tests", "Generation", "SupportData");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<PackagedEnsembleModel> Model = new(() => new PackagedEnsembleModel());

    public static IReadOnlyList<SupportPair> Load(bool dense)
    {
        var embeddings = dense ? Model.Value : null;
        var documents = new Dictionary<string, SourceDocument>
        {
            [BuiltInDocument.Id] = BuiltInDocument.Document,
            ["reservoir"] = new("reservoir", "Linnet Valley's new reservoir", File.ReadAllText(Path.Combine(Folder, "reservoir.txt"))),
        };
        var chunking = new ChunkingOptions();
        var corpora = documents.ToDictionary(d => d.Key, d => Corpus.Create([d.Value], new Chunker(Options.Create(chunking)), chunking));

        var lines = File.ReadLines(Path.Combine(Folder, "support-pairs.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<PairLine>(l, JsonOptions)!).ToList();
        var paragraphs = lines.Select(l => (l.Document, l.Paragraph)).Distinct().ToList();
        var pairs = new List<SupportPair>();
        foreach (var group in lines.GroupBy(l => (l.Document, l.Paragraph)))
        {
            var corpus = corpora[group.Key.Document];
            var sources = Sources(corpus, group.Key.Paragraph, embeddings);
            var terms = SupportChecker.TermsOf(sources);
            var heldOut = paragraphs.Where(p => p.Document == group.Key.Document).ToList().IndexOf(group.Key) % 2 == 1;
            var claims = group.ToList();
            var vectors = embeddings?.EncodeDocuments(claims.Select(c => c.Sentence).ToList(), null, CancellationToken.None);
            pairs.AddRange(claims.Select((c, i) =>
                new SupportPair(c.Id, c.Kind, c.Supported, heldOut, SupportFeatures.Compute(c.Sentence, vectors?[i], sources, terms, corpus))));
        }

        return pairs;
    }

    /// <summary>The passages of one line (paragraph) of the document, numbered as citations.</summary>
    private static List<SupportSource> Sources(Corpus corpus, int line, PackagedEnsembleModel? embeddings)
    {
        var text = corpus.Documents[0].Text;
        var start = text.Split('\n').Take(line).Sum(l => l.Length + 1);
        var end = start + text.Split('\n')[line].Length;
        var passages = Enumerable.Range(0, corpus.Passages.Count)
            .Where(p => corpus.Passages[p].Start >= start && corpus.Passages[p].End <= end).ToList();
        Assert.NotEmpty(passages);
        return passages.Select((p, i) =>
        {
            var sentences = corpus.SentenceKeysOf(p).Select(k => corpus.Sentences[k].Text).ToList();
            var vectors = embeddings?.EncodeDocuments(sentences, null, CancellationToken.None);
            return new SupportSource(i + 1, corpus.Passages[p].Id, sentences.Select((s, j) => new EvidenceSentence(s, vectors?[j])).ToList());
        }).ToList();
    }

    private sealed record PairLine(string Id, string Document, int Paragraph, string Kind, bool Supported, string Sentence);
}

/// <summary>How a support decision fares on a set of pairs: the share of unsupported sentences caught, of supported ones flagged.</summary>
public sealed record SupportRates(int Unsupported, int Caught, int Supported, int Flagged)
{
    public double CatchRate => (double)Caught / Unsupported;

    public double FalseFlagRate => (double)Flagged / Supported;

    public static SupportRates Of(IEnumerable<SupportPair> pairs, Func<SupportPair, bool> judgedSupported)
    {
        var list = pairs.ToList();
        return new SupportRates(
            list.Count(p => !p.Supported), list.Count(p => !p.Supported && !judgedSupported(p)),
            list.Count(p => p.Supported), list.Count(p => p.Supported && !judgedSupported(p)));
    }

    public override string ToString() =>
        $"caught {Caught}/{Unsupported} unsupported ({CatchRate:P1}), flagged {Flagged}/{Supported} supported ({FalseFlagRate:P1})";
}
