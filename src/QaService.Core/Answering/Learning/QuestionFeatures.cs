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

    private static readonly string[] RunnerUp = ["coverage", "missing.count", "missing.maxIdf", "missing.names", "bm25.relative", "dense.model1", "dense.model2"];
    private static readonly string[] BestAnywhere = ["coverage", "dense.model1", "dense.model2"];
    private static readonly int[] BestIndexes = [.. Enumerable.Range(0, CandidateFeatures.Count).Where(i => !LayoutFeatures.Contains(CandidateFeatures.Names[i]))];
    private static readonly int[] RunnerUpIndexes = [.. RunnerUp.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];
    private static readonly int[] BestAnywhereIndexes = [.. BestAnywhere.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];

    public const int Count = CandidateFeatures.Count - 12 + 6 + 7 + 3;

    public static string Schema { get; } =
        $"question-v3:{string.Join(',', BestIndexes.Select(i => CandidateFeatures.Names[i]))}:best,second,gap,sum,share,above-half"
        + $":second.{string.Join(",second.", RunnerUp)}:max.{string.Join(",max.", BestAnywhere)}";

    /// <param name="ranked">Candidates with their ranker probabilities, best first (at least one).</param>
    public static float[] Of(IReadOnlyList<(Candidate Candidate, float Probability)> ranked)
    {
        var features = new float[Count];
        var i = 0;
        foreach (var index in BestIndexes)
        {
            features[i++] = ranked[0].Candidate.Features[index];
        }

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
