namespace QaService.Answering;

/// <summary>The evidence an abstention decision weighs; reported by <c>explain</c>.</summary>
public sealed record AnswerSignals(
    double DocumentCoverage,
    IReadOnlyList<string> UnknownTerms,
    bool FocusKnown,
    double BestCoverage,
    double BestWindowCoverage,
    double? BestDense,
    double TypeMatch);
