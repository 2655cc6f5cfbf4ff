using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// Ranks candidate answer sentences by how much of the question they cover (weighted by rarity), their BM25 and dense
/// similarity to it, whether they hold the kind of thing asked for, and whether retrieval ranked their passage high.
/// </summary>
public static class SentenceScorer
{
    private const double CoverageWeight = 0.35;
    private const double LexicalWeight = 0.15;
    private const double DenseWeight = 0.30;
    private const double TypeWeight = 0.10;
    private const double PassageWeight = 0.10;

    public static IReadOnlyList<ScoredSentence> Score(RetrievalResult retrieval)
    {
        var corpus = retrieval.Corpus;
        var question = retrieval.Question;
        var terms = Bm25Search.WeightedTerms(question);
        var maxBm25 = retrieval.SentenceBm25.Count == 0 ? 1 : retrieval.SentenceBm25.Values.Max();
        var passageSupport = PassageSupport(retrieval);
        var dense = retrieval.SentenceDense;
        var denseFloor = dense is null ? 0 : dense.Min();
        var denseRange = dense is null ? 1 : Math.Max(1e-6, dense.Max() - denseFloor);
        var useDense = dense is not null;

        var scored = new List<ScoredSentence>();
        foreach (var key in Candidates(retrieval))
        {
            var coverage = Coverage(corpus, terms, corpus.SentenceTerms[key]);
            var window = WindowCoverage(corpus, terms, key);
            var lexical = retrieval.SentenceBm25.GetValueOrDefault(key) / maxBm25;
            var denseScore = useDense ? (dense![key] - denseFloor) / denseRange : 0;
            var type = AnswerTypeMatcher.Match(corpus.Sentences[key].Text, question);
            var support = passageSupport.GetValueOrDefault(key);
            var score = (CoverageWeight * coverage) + (LexicalWeight * lexical) + (TypeWeight * type) + (PassageWeight * support)
                + (useDense ? DenseWeight * denseScore : DenseWeight * coverage)
                + question.SentencePriors.GetValueOrDefault(key);
            scored.Add(new ScoredSentence(key, score, coverage, window, lexical, useDense ? dense![key] : 0, type, support));
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Key).ToList();
    }

    /// <summary>The rarity-weighted share of the question's terms that <paramref name="terms"/> holds.</summary>
    public static double Coverage(Corpus corpus, IReadOnlyList<WeightedTerm> question, IReadOnlySet<string> terms)
    {
        double found = 0, total = 0;
        foreach (var (term, boost) in question)
        {
            var weight = corpus.Idf(term) * boost;
            total += weight;
            if (terms.Contains(term))
            {
                found += weight;
            }
        }

        return total == 0 ? 0 : found / total;
    }

    private static double WindowCoverage(Corpus corpus, IReadOnlyList<WeightedTerm> question, int key)
    {
        var sentence = corpus.Sentences[key];
        var terms = new HashSet<string>(corpus.SentenceTerms[key]);
        foreach (var neighbour in new[] { key - 1, key + 1 })
        {
            if (neighbour >= 0 && neighbour < corpus.Sentences.Count
                && corpus.Sentences[neighbour].DocumentId == sentence.DocumentId
                && corpus.Sentences[neighbour].Paragraph == sentence.Paragraph)
            {
                terms.UnionWith(corpus.SentenceTerms[neighbour]);
            }
        }

        return Coverage(corpus, question, terms);
    }

    private static Dictionary<int, double> PassageSupport(RetrievalResult retrieval)
    {
        var support = new Dictionary<int, double>();
        if (retrieval.Passages.Count == 0)
        {
            return support;
        }

        var best = retrieval.Passages[0].FusedScore;
        foreach (var passage in retrieval.Passages)
        {
            foreach (var key in retrieval.Corpus.SentenceKeysOf(passage.Key))
            {
                support[key] = Math.Max(support.GetValueOrDefault(key), passage.FusedScore / best);
            }
        }

        return support;
    }

    private static HashSet<int> Candidates(RetrievalResult retrieval)
    {
        var candidates = new HashSet<int>(retrieval.SentenceBm25.Keys);
        foreach (var passage in retrieval.Passages)
        {
            candidates.UnionWith(retrieval.Corpus.SentenceKeysOf(passage.Key));
        }

        if (retrieval.SentenceDense is { } dense)
        {
            candidates.UnionWith(Enumerable.Range(0, dense.Length).OrderByDescending(k => dense[k]).Take(50));
        }

        return candidates;
    }
}
