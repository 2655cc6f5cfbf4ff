namespace QaService.Answering;

/// <summary>
/// A logistic model of "the article answers this question", calibrated on the development question sets.
/// Its inputs are general signals (coverage, dense similarity, whether the asked-for thing is known), not words.
/// </summary>
internal static class AbstentionModel
{
    public static double Answerability(AnswerSignals s)
    {
        var z = FocusUnknown(s) + 0.33
            + (0.26 * s.DocumentCoverage)
            + (1.02 * s.BestWindowCoverage)
            + (1.32 * s.BestCoverage)
            + (s.BestDense is { } dense ? 2.05 * (dense - 0.55) : 0);
        return 1 / (1 + Math.Exp(-z));
    }

    // Asking for a kind of thing the article never names ("which prime minister", "what agreements") is the
    // strongest sign that it does not answer; the fitted weight alone was too weak to act on it.
    private static double FocusUnknown(AnswerSignals s) => s.FocusKnown ? 0 : -3;

    public static string Describe(AnswerSignals s) =>
        $"article knows {s.DocumentCoverage:P0} of the question, best sentence covers {s.BestWindowCoverage:P0} with its neighbours, " +
        $"dense {(s.BestDense is { } d ? d.ToString("0.00") : "off")}, asked-for thing {(s.FocusKnown ? "known" : "unknown")}" +
        (s.UnknownTerms.Count > 0 ? $", unknown words: {string.Join(' ', s.UnknownTerms)}" : "");
}
