using System.Text.RegularExpressions;
using QaService.Embeddings;
using QaService.Indexing;
using QaService.Ingestion;
using QaService.Text;

namespace QaService.Generation.Support;

/// <summary>
/// Checks every sentence of a generated answer against the passages it cites and the other retrieved passages, with
/// <see cref="SupportModel"/> over lexical features; when an embedding model is loaded, the passage sentence nearest in
/// meaning is the one a negation is compared with.
/// </summary>
public sealed partial class SupportChecker(IEmbeddingModel? embeddings = null)
{
    public IReadOnlyList<SentenceSupport> Check(string answer, IReadOnlyList<SupportSource> sources, Corpus corpus, CancellationToken cancellationToken)
    {
        var spans = SentenceSplitter.Split(answer).Where(s => HasWords(answer[s.Start..s.End])).ToList();
        var claims = spans.Select(s => Marker().Replace(answer[s.Start..s.End], "").Trim()).ToList();
        var useVectors = embeddings is not null && sources.All(s => s.Sentences.All(e => e.Vector is not null));
        var vectors = useVectors && claims.Count > 0 ? embeddings!.EncodeDocuments(claims, null, cancellationToken) : null;
        var sourceTerms = TermsOf(sources);

        return spans.Select((span, i) =>
        {
            var features = SupportFeatures.Compute(claims[i], vectors?[i], sources, sourceTerms, corpus);
            var weights = SupportModel.Weights;
            var best = features.BestSource >= 0 ? sources[features.BestSource] : null;
            return new SentenceSupport(
                span.Start, span.End, weights.Supports(features), best?.Citation, best?.PassageId, Math.Round(weights.Probability(features), 3));
        }).ToList();
    }

    /// <summary>Every sentence's stems, per source, computed once for all the answer's sentences.</summary>
    public static IReadOnlyList<IReadOnlyList<HashSet<string>>> TermsOf(IReadOnlyList<SupportSource> sources) =>
        sources.Select(s => (IReadOnlyList<HashSet<string>>)s.Sentences.Select(e => TextAnalyzer.Instance.Terms(e.Text).ToHashSet()).ToList()).ToList();

    private static bool HasWords(string text) => Marker().Replace(text, "").Any(char.IsLetterOrDigit);

    [GeneratedRegex(@"\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]")]
    private static partial Regex Marker();
}
