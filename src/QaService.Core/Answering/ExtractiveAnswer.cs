namespace QaService.Answering;

/// <summary>
/// The sentences chosen to answer, best first, or an abstention and why. <see cref="AbstentionWords"/> are the words
/// of an abstention whose cause the answerer knows (and which cites nothing), in place of the usual ones.
/// </summary>
public sealed record ExtractiveAnswer(
    IReadOnlyList<ScoredSentence> Chosen,
    IReadOnlyList<ScoredSentence> Ranked,
    bool Abstained,
    double Confidence,
    string Decision,
    AnswerSignals? Signals = null,
    string? AbstentionWords = null);
