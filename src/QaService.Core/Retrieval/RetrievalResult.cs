using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>What retrieval found for one question: ranked passages and per-sentence scores for the answer stage.</summary>
public sealed record RetrievalResult(
    IndexSnapshot Snapshot,
    QuestionAnalysis Question,
    IReadOnlyList<WeightedTerm> Terms,
    IReadOnlyList<RankedPassage> Passages,
    IReadOnlyDictionary<int, float> SentenceBm25,
    float[]? SentenceDense,
    float[]? PassageDense = null,
    IReadOnlyList<float[]>? SentenceDenseByModel = null)
{
    public Corpus Corpus => Snapshot.Corpus;
}
