using Lucene.Net.Index;
using Lucene.Net.Search;
using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>
/// BM25 over the Lucene index. The query is built from analysed terms, never parsed, so user text such as
/// <c>C++ AND (war) NOT</c> is only words.
/// </summary>
public static class Bm25Search
{
    /// <summary>
    /// The question's own terms at full weight, then terms carried over from earlier turns at a lower one, with
    /// unknown stems replaced by the corpus's related ones.
    /// </summary>
    public static IReadOnlyList<WeightedTerm> WeightedTerms(QuestionAnalysis question, Corpus corpus)
    {
        var terms = question.Terms.Select(t => new WeightedTerm(t, 1f)).ToList();
        terms.AddRange(question.ContextTerms.Except(question.Terms).Select(t => new WeightedTerm(t, (float)question.ContextWeight)));
        return TermExpander.Expand(corpus, terms);
    }

    public static Query BuildQuery(IReadOnlyList<WeightedTerm> terms, string kind)
    {
        var words = new BooleanQuery();
        foreach (var (term, weight) in terms)
        {
            words.Add(new TermQuery(new Term(IndexFormat.Text, term)) { Boost = weight }, Occur.SHOULD);
        }

        // Lucene 4.8 has no FILTER clause; a required clause with no boost filters without changing scores.
        return new BooleanQuery
        {
            { new TermQuery(new Term(IndexFormat.Kind, kind)) { Boost = 0 }, Occur.MUST },
            { words, Occur.MUST },
        };
    }

    /// <summary>Scores by key, best first; empty when no term matches.</summary>
    public static IReadOnlyList<(int Key, float Score)> Search(IndexSnapshot snapshot, IReadOnlyList<WeightedTerm> terms, string kind, int top)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = snapshot.Searcher.Search(BuildQuery(terms, kind), top).ScoreDocs;
        return hits.Select(h => (snapshot.KeyOf(h.Doc), h.Score)).ToList();
    }
}

public readonly record struct WeightedTerm(string Term, float Weight);
