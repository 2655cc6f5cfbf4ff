using System.Collections.Frozen;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// Ranks candidate answer sentences by how much of the question they cover (weighted by rarity), their BM25 and dense
/// similarity to it, the dense similarity of the passage around them, and whether they hold the kind of thing asked for.
/// </summary>
public static class SentenceScorer
{
    // Weights chosen by a grid search for the gold sentence ranked first on the development sets.
    private const double CoverageWeight = 0.35;
    private const double LexicalWeight = 0.1;
    private const double TypeWeight = 0.1;
    private const double DenseRelativeWeight = 0.2;
    private const double DenseAbsoluteWeight = 0.5;
    private const double ContextRelativeWeight = 0.5;
    private const double AuthorshipBonus = 0.6;
    // A question about nothing but a part of the article ("how does it end?") is answered by that part; one that
    // also names a topic ("the wars the piece opens with") only leans towards it.
    private const double ArticlePartBonus = 1.0;
    private const double ArticlePartLean = 0.3;

    public static IReadOnlyList<ScoredSentence> Score(RetrievalResult retrieval)
    {
        var corpus = retrieval.Corpus;
        var question = retrieval.Question;
        var maxBm25 = retrieval.SentenceBm25.Count == 0 ? 1 : retrieval.SentenceBm25.Values.Max();
        var sentenceDense = retrieval.SentenceDense;
        var passageDense = retrieval.PassageDense;
        var sentenceRange = Range(sentenceDense);
        var passageRange = Range(passageDense);

        var partSentences = PartSentences(corpus, question.Part);
        var partBonus = retrieval.Terms.Any(t => corpus.KnownTerms.Contains(t.Term)) ? ArticlePartLean : ArticlePartBonus;
        var scored = new List<ScoredSentence>();
        foreach (var key in Candidates(retrieval))
        {
            var coverage = Coverage(corpus, retrieval.Terms, corpus.SentenceTerms[key]);
            var window = WindowCoverage(corpus, retrieval.Terms, key);
            var lexical = retrieval.SentenceBm25.GetValueOrDefault(key) / maxBm25;
            var type = AnswerTypeMatcher.Match(corpus.Sentences[key].Text, question);
            var score = (CoverageWeight * coverage) + (LexicalWeight * lexical) + (TypeWeight * type);
            if (question.AsksAboutAuthor && corpus.AuthorshipSentences.Contains(key))
            {
                score += AuthorshipBonus;
            }

            if (partSentences.Contains(key))
            {
                score += partBonus;
            }

            double dense = 0, context = 0;
            if (sentenceDense is not null && passageDense is not null)
            {
                dense = sentenceDense[key];
                context = corpus.PassagesOfSentence(key).Max(p => passageDense[p]);
                score += (DenseRelativeWeight * Relative(dense, sentenceRange)) + (DenseAbsoluteWeight * dense)
                    + (ContextRelativeWeight * Relative(context, passageRange));
            }

            // A prior from the conversation lifts (or sinks) a sentence by a share of its own score, whatever the mode's scale.
            score *= 1 + question.SentencePriors.GetValueOrDefault(key);
            scored.Add(new ScoredSentence(key, score, coverage, window, lexical, dense, type, context));
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Key).ToList();
    }

    /// <summary>The sentences of the part of the article a question points at (none when it points nowhere).</summary>
    public static IReadOnlySet<int> PartSentences(Corpus corpus, ArticlePart part) => part switch
    {
        ArticlePart.Opening => corpus.OpeningSentences,
        ArticlePart.Closing => corpus.ClosingSentences,
        _ => FrozenSet<int>.Empty,
    };

    private static (double Low, double High) Range(float[]? all) => all is null || all.Length == 0 ? (0, 0) : (all.Min(), all.Max());

    /// <summary>Where a similarity sits between the lowest and highest of its kind for this question (0..1).</summary>
    private static double Relative(double value, (double Low, double High) range) =>
        range.High - range.Low < 1e-6 ? 0 : (value - range.Low) / (range.High - range.Low);

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
        var terms = new HashSet<string>(corpus.SentenceTerms[key]);
        foreach (var neighbour in new[] { key - 1, key + 1 })
        {
            if (neighbour >= 0 && neighbour < corpus.Sentences.Count && corpus.SameParagraph(key, neighbour))
            {
                terms.UnionWith(corpus.SentenceTerms[neighbour]);
            }
        }

        return Coverage(corpus, question, terms);
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

        // The opening or closing paragraph a question points at is a candidate whatever words it shares with the question.
        candidates.UnionWith(PartSentences(retrieval.Corpus, retrieval.Question.Part));

        // A byline or an author note says who wrote the piece, not what happened: it answers only questions about the author.
        if (retrieval.Question.AsksAboutAuthor)
        {
            candidates.UnionWith(retrieval.Corpus.AuthorshipSentences);
        }
        else
        {
            candidates.ExceptWith(retrieval.Corpus.AuthorshipSentences);
        }

        return candidates;
    }
}
