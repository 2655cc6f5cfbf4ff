namespace QaService.Answering;

/// <summary>
/// What the answer-or-abstain decision weighed, reported by <c>explain</c>: the estimated probabilities that the best
/// sentence is right and that the document cannot answer, and the minimum confidence an answer needs.
/// </summary>
public sealed record AnswerSignals(double ProbabilityCorrect, double ProbabilityUnanswerable, double MinConfidence);
