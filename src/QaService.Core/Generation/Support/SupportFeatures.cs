using System.Numerics.Tensors;
using QaService.Indexing;
using QaService.Text;

namespace QaService.Generation.Support;

/// <summary>
/// What the support model sees of one answer sentence against the passages: how much of its information (words
/// weighted by how rare they are in the corpus) the best passage and all passages hold, which of its names and
/// numbers no passage has, whether its negation differs from the closest passage sentence, and the embedding
/// similarity to that sentence.
/// </summary>
public sealed record SupportFeatures(
    double SentenceCoverage,
    double AllCoverage,
    int MissingTerms,
    int MissingNames,
    int MissingNumbers,
    bool NegationMismatch,
    double? Dense,
    int BestSource)
{
    /// <summary>A sentence with no content word says nothing to check.</summary>
    public static SupportFeatures Empty { get; } = new(1, 1, 0, 0, 0, false, null, -1);

    public static SupportFeatures Compute(
        string sentence, float[]? vector, IReadOnlyList<SupportSource> sources, IReadOnlyList<IReadOnlyList<HashSet<string>>> sourceTerms, Corpus corpus)
    {
        var terms = TextAnalyzer.Instance.Terms(sentence).Distinct().ToList();
        if (terms.Count == 0 || sources.Count == 0)
        {
            return terms.Count == 0 ? Empty : new SupportFeatures(0, 0, terms.Count, 0, 0, false, null, -1);
        }

        var weights = terms.ToDictionary(t => t, corpus.Idf);
        var total = weights.Values.Sum();
        double Coverage(Func<string, bool> holds) => terms.Where(holds).Sum(t => weights[t]) / total;

        var all = sourceTerms.SelectMany(sentences => sentences).SelectMany(s => s).ToHashSet();
        var coverages = sourceTerms.Select(sentences => sentences.Max(set => Coverage(set.Contains))).ToList();
        var bestSource = coverages.IndexOf(coverages.Max());

        var names = Names(sentence, corpus).Where(weights.ContainsKey).ToHashSet();
        var numbers = terms.Where(t => t.Any(char.IsDigit) && t.All(c => char.IsDigit(c) || c is ',' or '.')).ToHashSet();

        var (closest, dense) = Closest(terms, weights, vector, sources, sourceTerms);
        return new SupportFeatures(
            coverages[bestSource],
            Coverage(all.Contains),
            terms.Count(t => !all.Contains(t) && !names.Contains(t) && !numbers.Contains(t)),
            names.Count(n => !all.Contains(n)),
            numbers.Count(n => !all.Contains(n)),
            closest is not null && NegationCues.IsNegatedAbout(sentence, closest.Terms) != NegationCues.IsNegatedAbout(closest.Text, terms.ToHashSet()),
            dense,
            bestSource);
    }

    /// <summary>
    /// Names within the sentence, and its first word when that is capitalised and the corpus knows it as a name
    /// ("India retaliated …"): a sentence's first word is capitalised whatever it is.
    /// </summary>
    private static IEnumerable<string> Names(string sentence, Corpus corpus)
    {
        var first = sentence.TrimStart().Split(' ', 2)[0];
        var opening = first.Length > 0 && char.IsUpper(first[0]) ? TextAnalyzer.Instance.Terms(first).Where(corpus.NameTerms.Contains) : [];
        return NamedThings.Stems(sentence).Concat(opening).Distinct();
    }

    /// <summary>The passage sentence nearest in meaning (by embedding when there are vectors, else by shared words).</summary>
    private static (EvidenceTerms? Closest, double? Dense) Closest(
        List<string> terms, Dictionary<string, double> weights, float[]? vector,
        IReadOnlyList<SupportSource> sources, IReadOnlyList<IReadOnlyList<HashSet<string>>> sourceTerms)
    {
        EvidenceTerms? best = null;
        double bestScore = double.NegativeInfinity;
        double? dense = null;
        for (var s = 0; s < sources.Count; s++)
        {
            for (var i = 0; i < sources[s].Sentences.Count; i++)
            {
                var evidence = sources[s].Sentences[i];
                double score;
                if (vector is not null && evidence.Vector is not null)
                {
                    score = TensorPrimitives.Dot(vector, evidence.Vector);
                    dense = Math.Max(dense ?? double.NegativeInfinity, score);
                }
                else
                {
                    var shared = sourceTerms[s][i];
                    score = terms.Where(shared.Contains).Sum(t => weights[t]);
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (new EvidenceTerms(evidence.Text, sourceTerms[s][i]), score);
                }
            }
        }

        return (best, dense);
    }

    private sealed record EvidenceTerms(string Text, IReadOnlySet<string> Terms);
}
