using Microsoft.Extensions.Options;
using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>Finds the passages for a question: BM25, dense similarity when enabled, fused by reciprocal rank.</summary>
public sealed class Retriever(IOptions<RetrievalOptions> options, ISemanticScorer? semantic = null)
{
    private const int SentenceCandidates = 200;

    public bool UsesDense => semantic is not null;

    public RetrievalResult Retrieve(IndexSnapshot snapshot, QuestionAnalysis question, CancellationToken cancellationToken)
    {
        var corpus = snapshot.Corpus;
        if (!question.AsksAboutAuthor && question.Terms.Any(corpus.AuthorTerms.Contains))
        {
            // "Who is Khurram Khan?" names the author without saying so.
            question = question with { AsksAboutAuthor = true };
        }

        var terms = Bm25Search.WeightedTerms(question, corpus);
        var passageBm25 = Bm25Search.Search(snapshot, terms, IndexFormat.PassageKind, corpus.Passages.Count);
        var sentenceBm25 = Bm25Search.Search(snapshot, terms, IndexFormat.SentenceKind, SentenceCandidates)
            .ToDictionary(h => h.Key, h => h.Score);
        var dense = question.IsEmpty ? null : semantic?.Score(snapshot, question.DenseText ?? question.Text, cancellationToken);

        var fused = new Dictionary<int, double>();
        var bm25Rank = new Dictionary<int, (int Rank, float Score)>();
        for (var rank = 0; rank < passageBm25.Count; rank++)
        {
            var (key, score) = passageBm25[rank];
            bm25Rank[key] = (rank + 1, score);
            fused[key] = Rrf(rank);
        }

        var denseRank = new Dictionary<int, int>();
        if (dense is not null)
        {
            var order = Enumerable.Range(0, dense.Passages.Length).OrderByDescending(k => dense.Passages[k]).ToList();
            for (var rank = 0; rank < order.Count; rank++)
            {
                denseRank[order[rank]] = rank + 1;
                fused[order[rank]] = fused.GetValueOrDefault(order[rank]) + Rrf(rank);
            }
        }

        var passages = fused
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(options.Value.TopK)
            .Select((p, index) => new RankedPassage(
                p.Key,
                corpus.Passages[p.Key],
                index + 1,
                p.Value,
                bm25Rank.TryGetValue(p.Key, out var b) ? b.Score : 0,
                bm25Rank.TryGetValue(p.Key, out var br) ? br.Rank : null,
                dense?.Passages[p.Key],
                denseRank.TryGetValue(p.Key, out var dr) ? dr : null))
            .ToList();

        return new RetrievalResult(snapshot, question, terms, passages, sentenceBm25, dense?.Sentences, dense?.Passages, dense?.SentencesByModel);
    }

    private double Rrf(int zeroBasedRank) => 1.0 / (options.Value.FusionK + zeroBasedRank + 1);
}
