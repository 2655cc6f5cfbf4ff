using QaService.Ingestion;

namespace QaService.Retrieval;

/// <summary>A retrieved passage with the evidence for its rank (BM25, dense similarity, fused score).</summary>
public sealed record RankedPassage(
    int Key,
    Passage Passage,
    int Rank,
    double FusedScore,
    float Bm25Score,
    int? Bm25Rank,
    float? DenseScore,
    int? DenseRank);
