namespace QaService.Answering.Learning;

/// <summary>
/// The largest value of each feature that a model learned from. Counts (question words, words no sentence holds) have
/// no top, and past the largest a linear model extrapolates without bound: a pasted paragraph of thirty words that no
/// document uses read as a question answered with certainty. Features are lowered to the ceiling before the model sees
/// them. Below the smallest value nothing runs away (counts stop at zero, similarities at -1), and lifting those
/// values made an off-topic request among the article's held-out questions look answerable, so they stay as they are.
/// </summary>
public sealed class FeatureCeiling(float[] max)
{
    public float[] Max { get; } = max;

    public static FeatureCeiling Of(IReadOnlyList<float[]> rows)
    {
        var max = Enumerable.Repeat(float.MinValue, rows[0].Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < max.Length; i++)
            {
                max[i] = Math.Max(max[i], row[i]);
            }
        }

        return new FeatureCeiling(max);
    }

    public float[] Cap(float[] features)
    {
        var capped = new float[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            capped[i] = Math.Min(features[i], Max[i]);
        }

        return capped;
    }
}
