namespace QaService.Answering;

/// <summary>Why a reply is what it is: per cited passage evidence, the answer decision and time per stage.</summary>
public sealed record Explanation(
    string AnswerType,
    IReadOnlyList<string> QueryTerms,
    IReadOnlyList<PassageEvidence> Passages,
    IReadOnlyList<SentenceEvidence> Sentences,
    string Decision,
    AnswerSignals? Signals,
    IReadOnlyDictionary<string, double> StageMilliseconds,
    IReadOnlyList<string>? ContextTerms = null);

public sealed record PassageEvidence(
    string PassageId,
    int Rank,
    double FusedScore,
    float Bm25Score,
    int? Bm25Rank,
    IReadOnlyList<string> MatchedTerms,
    string Bm25Explanation,
    float? DenseSimilarity,
    int? DenseRank);

public sealed record SentenceEvidence(
    string Text,
    double Score,
    double Coverage,
    double Lexical,
    double Dense,
    double TypeMatch,
    double ContextDense,
    bool Chosen);
