namespace QaService.Answering.Learning;

/// <summary>
/// Describes a question for the answer-or-abstain models: the best candidate's features, how the ranker's
/// probabilities fall across the candidates (how sure it is of the first, how close the second comes), how well the
/// runner-up matches, and the best match in words and meaning anywhere among the candidates.
/// </summary>
public static class QuestionFeatures
{
    private static readonly string[] RunnerUp = ["coverage", "coverage.window", "missing.count", "missing.maxIdf", "missing.names", "bm25.relative", "dense.model1", "dense.model2"];
    private static readonly string[] BestAnywhere = ["coverage", "coverage.window", "coverage.paragraph", "dense.model1", "dense.model2"];
    private static readonly int[] RunnerUpIndexes = [.. RunnerUp.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];
    private static readonly int[] BestAnywhereIndexes = [.. BestAnywhere.Select(n => Array.IndexOf(CandidateFeatures.Names, n))];

    public const int Count = CandidateFeatures.Count + 6 + 8 + 5;

    public static string Schema { get; } =
        $"question-v2:{CandidateFeatures.Schema}:best,second,gap,sum,share,above-half:second.{string.Join(",second.", RunnerUp)}:max.{string.Join(",max.", BestAnywhere)}";

    /// <param name="ranked">Candidates with their ranker probabilities, best first (at least one).</param>
    public static float[] Of(IReadOnlyList<(Candidate Candidate, float Probability)> ranked)
    {
        var features = new float[Count];
        ranked[0].Candidate.Features.CopyTo(features, 0);
        var best = ranked[0].Probability;
        var second = ranked.Count > 1 ? ranked[1].Probability : 0;
        var sum = ranked.Sum(r => r.Probability);
        var i = CandidateFeatures.Count;
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
