using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    /// <summary>Above this many results, every match is collected and sorted rather than kept in a heap of that size.</summary>
    private const int HeapLimit = 1000;

    // Each kind's entries as a bit set per index segment, made on first use and dropped with the segment.
    // Per snapshot, the corpus's terms already looked up (see KnownTermQuery); dropped with the snapshot's searcher.
    private static readonly ConditionalWeakTable<IndexSearcher, ConcurrentDictionary<string, TermContext>> TermStates = new();

    private static readonly Dictionary<string, Filter> KindFilters = new()
    {
        [IndexFormat.PassageKind] = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(IndexFormat.Kind, IndexFormat.PassageKind)))),
        [IndexFormat.SentenceKind] = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(IndexFormat.Kind, IndexFormat.SentenceKind)))),
    };

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

    public static Query BuildQuery(IReadOnlyList<WeightedTerm> terms, string kind) =>
        BuildQuery(terms, kind, term => new TermQuery(new Term(IndexFormat.Text, term)));

    private static FilteredQuery BuildQuery(IReadOnlyList<WeightedTerm> terms, string kind, Func<string, TermQuery> termQuery)
    {
        var words = new BooleanQuery();
        foreach (var (term, weight) in terms)
        {
            var query = termQuery(term);
            query.Boost = weight;
            words.Add(query, Occur.SHOULD);
        }

        // The kind is a filter, not a clause: the scores are the words' alone either way, but a query of optional words
        // only is scored a block of documents at a time, well over twice as fast as one that must also match the kind.
        return new FilteredQuery(words, KindFilters[kind]);
    }

    /// <summary>
    /// A term of the index with its place in it looked up once per snapshot, not once per question: the lookup (a seek
    /// in the terms dictionary of every segment) costs about as much as scoring a small index.
    /// </summary>
    private static TermQuery KnownTermQuery(IndexSnapshot snapshot, string text)
    {
        var term = new Term(IndexFormat.Text, text);
        var states = TermStates.GetValue(snapshot.Searcher, _ => new ConcurrentDictionary<string, TermContext>(StringComparer.Ordinal));
        return new TermQuery(term, states.GetOrAdd(text, _ => TermContext.Build(snapshot.Searcher.TopReaderContext, term)));
    }

    /// <summary>Scores by key, best first (ties by index order, as Lucene ranks them); empty when no term matches.</summary>
    public static IReadOnlyList<(int Key, float Score)> Search(IndexSnapshot snapshot, IReadOnlyList<WeightedTerm> terms, string kind, int top)
    {
        // A word the index lacks scores nothing under BM25 (no coordination factor, no query norm), yet Lucene would
        // look it up in every segment's terms dictionary for each question: under load, a sixth of a BM25 ask's time.
        terms = [.. terms.Where(t => snapshot.IndexedTerms.Contains(t.Term))];
        if (terms.Count == 0)
        {
            return [];
        }

        var query = BuildQuery(terms, kind, term => KnownTermQuery(snapshot, term));
        if (top <= HeapLimit)
        {
            var hits = snapshot.Searcher.Search(query, top).ScoreDocs;
            return hits.Select(h => (snapshot.KeyOf(h.Doc), h.Score)).ToList();
        }

        // A full ranking (the fusion wants every passage found): Lucene's top-n collector would first fill a heap
        // of n placeholder hits, n being every passage of the corpus, for each question.
        var matches = new MatchCollector();
        snapshot.Searcher.Search(query, matches);
        return matches.Ranked(top).Select(h => (snapshot.KeyOf(h.Doc), h.Score)).ToList();
    }
}

public readonly record struct WeightedTerm(string Term, float Weight);
