namespace QaService.Answering;

/// <summary>One candidate answer sentence and the signals that ranked it.</summary>
public sealed record ScoredSentence(
    int Key,
    double Score,
    double Coverage,
    double Lexical,
    double Dense,
    double TypeMatch);
