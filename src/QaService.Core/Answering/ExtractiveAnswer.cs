namespace QaService.Answering;

/// <summary>The sentences chosen to answer, best first, or an abstention and why.</summary>
public sealed record ExtractiveAnswer(
    IReadOnlyList<ScoredSentence> Chosen,
    IReadOnlyList<ScoredSentence> Ranked,
    bool Abstained,
    double Confidence,
    string Decision,
    AnswerSignals? Signals = null);
