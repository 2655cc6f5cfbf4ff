using System.Text.Json.Serialization;

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

/// <summary>
/// The evidence for one retrieved passage. A null rank or similarity means the passage was not found that way (no
/// query term in it, or dense retrieval is off); it stays in the JSON as null so every passage has the same fields.
/// </summary>
public sealed record PassageEvidence(
    string PassageId,
    int Rank,
    double FusedScore,
    float Bm25Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Bm25Rank,
    IReadOnlyList<string> MatchedTerms,
    string Bm25Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] float? DenseSimilarity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? DenseRank);

public sealed record SentenceEvidence(
    string Text,
    double Score,
    double Coverage,
    double Lexical,
    double Dense,
    double TypeMatch,
    bool Chosen);
