namespace QaService.Answering.Learning;

/// <summary>
/// Describes a question for the answer-or-abstain models: how the best candidate matches it, how the ranker's
/// probabilities fall across the candidates (how sure it is of the first, how close the second comes), how well the
/// runner-up matches, and the best match in words and meaning anywhere among the candidates. Features that describe
/// the document's size and layout rather than the match (ranks, positions, paragraph neighbours, how many candidates
/// there are) are left out: they differ from one kind of document to the next (a news article of one-sentence
/// paragraphs, an encyclopaedia article of long ones), and with them the models did not carry across.
/// </summary>
public static class QuestionFeatures
{
    private static readonly string[] LayoutFeatures =
    [
        "bm25.rank", "dense.model1.rank", "dense.model2.rank", "coverage.window", "coverage.paragraph", "coverage.previous", "coverage.next",
        "missing.inWindow", "position.inParagraph", "position.inDocument", "position.paragraphStart", "candidate.count",
    ];

    // Codes a logistic model would read as amounts: each becomes one indicator per value.
    private static readonly string[] Categorical = ["question.form", "question.answerType"];
    private const int Forms = QuestionForm.Codes;
    private const int AnswerTypes = (int)Retrieval.AnswerType.Description + 1;

    private static readonly string[] RunnerUp = ["coverage", "missing.count", "missing.maxIdf", "missing.names", "bm25.relative", "dense.model1", "dense.model2"];
    private static readonly string[] BestAnywhere = ["coverage", "dense.model1", "dense.model2"];
    private static readonly int[] BestIndexes = [.. Enumerable.Range(0, CandidateFeatures.Count).Where(i => !LayoutFeatures.Contains(CandidateFeatures.Names[i]) && !Categorical.Contains(CandidateFeatures.Names[i]))];
    private static readonly int FormIndex = Array.IndexOf(CandidateFeatures.Names, "question.form");
    private static readonly int AnswerTypeIndex = Array.IndexOf(CandidateFeatures.Names, "question.answerType");
    private static readonly int[] RunnerUpIndexes = [.. RunnerUp.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];
    private static readonly int[] BestAnywhereIndexes = [.. BestAnywhere.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];

    public const int Count = CandidateFeatures.Count - 12 - 2 + Forms + AnswerTypes + 6 + 7 + 3;

    /// <summary>Feature names in vector order.</summary>
    public static readonly string[] Names =
    [
        .. BestIndexes.Select(i => CandidateFeatures.Names[i]),
        .. Enumerable.Range(0, Forms).Select(f => $"form.{f}"),
        .. Enumerable.Range(0, AnswerTypes).Select(t => $"answerType.{(Retrieval.AnswerType)t}"),
        "probability.best", "probability.second", "probability.gap", "probability.sum", "probability.share", "probability.aboveHalf",
        .. RunnerUp.Select(n => $"second.{n}"),
        .. BestAnywhere.Select(n => $"max.{n}"),
    ];

    // v5: model files carry the largest value of each of these features, and the models read them capped there.
    public static string Schema { get; } = $"question-v5:{string.Join(',', Names)}";

    /// <param name="ranked">Candidates with their ranker probabilities, best first (at least one).</param>
    public static float[] Of(IReadOnlyList<(Candidate Candidate, float Probability)> ranked)
    {
        var features = new float[Count];
        var i = 0;
        foreach (var index in BestIndexes)
        {
            features[i++] = ranked[0].Candidate.Features[index];
        }

        features[i + (int)ranked[0].Candidate.Features[FormIndex]] = 1;
        i += Forms;
        features[i + (int)ranked[0].Candidate.Features[AnswerTypeIndex]] = 1;
        i += AnswerTypes;

        var best = ranked[0].Probability;
        var second = ranked.Count > 1 ? ranked[1].Probability : 0;
        var sum = ranked.Sum(r => r.Probability);
        features[i++] = best;
        features[i++] = second;
        features[i++] = best - second;
        features[i++] = sum;
        features[i++] = sum <= 0 ? 0 : best / sum;
        features[i++] = ranked.Count(r => r.Probability >= 0.5f);
        foreach (var index in RunnerUpIndexes)
        {
            features[i++] = ranked.Count > 1 ? ranked[1].Candidate.Features[index] : 0;
        }

        foreach (var index in BestAnywhereIndexes)
        {
            features[i++] = ranked.Max(r => r.Candidate.Features[index]);
        }

        return features;
    }
}
