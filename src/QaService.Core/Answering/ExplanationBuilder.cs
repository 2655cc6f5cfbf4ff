using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>Collects, for <c>explain</c>, the evidence behind a reply: Lucene's BM25 explanation per passage and more.</summary>
public static class ExplanationBuilder
{
    public static Explanation Build(RetrievalResult retrieval, ExtractiveAnswer answer, IReadOnlyDictionary<string, double> stages)
    {
        var snapshot = retrieval.Snapshot;
        var query = Bm25Search.BuildQuery(retrieval.Terms, IndexFormat.PassageKind);
        var passages = retrieval.Passages.Select(p =>
        {
            var explanation = retrieval.Question.IsEmpty ? null : snapshot.Searcher.Explain(query, snapshot.PassageDocument(p.Key));
            var passageTerms = retrieval.Corpus.SentenceKeysOf(p.Key).SelectMany(k => retrieval.Corpus.SentenceTerms[k]).ToHashSet();
            var matched = retrieval.Terms.Select(t => t.Term).Where(passageTerms.Contains).ToList();
            return new PassageEvidence(
                p.Passage.Id, p.Rank, Math.Round(p.FusedScore, 5), p.Bm25Score, p.Bm25Rank, matched,
                explanation?.ToString().Trim() ?? "no query term occurs in this passage",
                p.DenseScore, p.DenseRank);
        }).ToList();

        var chosen = answer.Chosen.Select(s => s.Key).ToHashSet();
        var sentences = answer.Ranked.Take(8).Select(s => new SentenceEvidence(
            retrieval.Corpus.Sentences[s.Key].Text, Math.Round(s.Score, 4), Math.Round(s.Coverage, 3), Math.Round(s.Lexical, 3),
            Math.Round(s.Dense, 3), s.TypeMatch, chosen.Contains(s.Key))).ToList();

        return new Explanation(
            retrieval.Question.AnswerType.ToString(), retrieval.Question.Terms, passages, sentences, answer.Decision, answer.Signals, stages,
            retrieval.Question.ContextTerms);
    }
}
