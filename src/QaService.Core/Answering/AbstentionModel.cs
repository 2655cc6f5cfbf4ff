namespace QaService.Answering;

/// <summary>
/// A logistic model of "the article answers this question", fitted on the development question sets (unanswerable
/// questions weighted three times, so that answering what the article does not say costs more). Its inputs are
/// general signals (coverage and dense similarity), not words. Two other rules act before it: a question whose
/// asked-for thing the article never names, and a typed question (how many, how long, when) with no sentence of
/// that type, are not answered.
/// </summary>
internal static class AbstentionModel
{
    public static double Answerability(AnswerSignals s)
    {
        if (!s.FocusKnown)
        {
            return 0;
        }

        var z = s.BestDense is { } dense
            ? 0.6 + (0.54 * s.DocumentCoverage) + (0.48 * s.BestWindowCoverage) + (0.65 * s.BestCoverage) + (7.65 * (dense - 0.55))
            : -0.13 + (1.39 * s.DocumentCoverage) + (0.81 * s.BestWindowCoverage) + (0.86 * s.BestCoverage);
        return 1 / (1 + Math.Exp(-z));
    }

    public static string Describe(AnswerSignals s) =>
        $"article knows {s.DocumentCoverage:P0} of the question, best sentence covers {s.BestWindowCoverage:P0} with its neighbours, " +
        $"dense {(s.BestDense is { } d ? d.ToString("0.00") : "off")}, asked-for thing {(s.FocusKnown ? "known" : "not in the article")}" +
        (s.UnknownTerms.Count > 0 ? $", unknown words: {string.Join(' ', s.UnknownTerms)}" : "");
}
