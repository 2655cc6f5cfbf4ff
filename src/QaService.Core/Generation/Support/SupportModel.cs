namespace QaService.Generation.Support;

/// <summary>
/// A logistic model of "the passages support this sentence", fitted with ML.NET on the calibration half of
/// tests/QaService.Tests/Generation/SupportData (split by source paragraph), with its threshold chosen on that half
/// too; <c>SupportModelFitTests</c> refits it and reports the held-out half. Embedding similarity as a further input
/// made the held-out figures worse (more faithful sentences flagged), so embeddings only pick the passage sentence
/// that a negation is compared with.
/// </summary>
public static class SupportModel
{
    public static SupportWeights Weights { get; } = new(
        Bias: -5.491, SentenceCoverage: 1.388, AllCoverage: 5.796, MissingTerms: 1.099, MissingNames: -5.570, MissingNumbers: -4.916,
        NegationMismatch: -5.786, Threshold: 0.794);

    /// <summary>The model's inputs, in the order of <see cref="SupportWeights"/>: the vector ML.NET is fitted on.</summary>
    public static float[] Inputs(SupportFeatures f) =>
        [(float)f.SentenceCoverage, (float)f.AllCoverage, f.MissingTerms, f.MissingNames, f.MissingNumbers, f.NegationMismatch ? 1 : 0];
}

/// <summary>The weights of the support model's inputs and the probability at or above which a sentence counts as supported.</summary>
public sealed record SupportWeights(
    double Bias, double SentenceCoverage, double AllCoverage, double MissingTerms, double MissingNames, double MissingNumbers,
    double NegationMismatch, double Threshold)
{
    public double Probability(SupportFeatures f)
    {
        var z = Bias + (SentenceCoverage * f.SentenceCoverage) + (AllCoverage * f.AllCoverage) + (MissingTerms * f.MissingTerms)
            + (MissingNames * f.MissingNames) + (MissingNumbers * f.MissingNumbers) + (NegationMismatch * (f.NegationMismatch ? 1 : 0));
        return 1 / (1 + Math.Exp(-z));
    }

    public bool Supports(SupportFeatures f) => ReferenceEquals(f, SupportFeatures.Empty) || Probability(f) >= Threshold;
}
