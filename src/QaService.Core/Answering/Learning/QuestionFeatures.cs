namespace QaService.Answering.Learning;

/// <summary>
/// Describes a question for the answer-or-abstain models: the best candidate's features, and how the ranker's
/// probabilities fall across the candidates (how sure it is of the first, how close the second comes).
/// </summary>
public static class QuestionFeatures
{
    public const int Count = CandidateFeatures.Count + 6;

    public static string Schema { get; } = $"question-v1:{CandidateFeatures.Schema}:best,second,gap,sum,share,above-half";

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
        features[i] = ranked.Count(r => r.Probability >= 0.5f);
        return features;
    }
}
