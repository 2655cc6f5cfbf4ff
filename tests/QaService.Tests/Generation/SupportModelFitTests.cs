using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using QaService.Generation.Support;
using Xunit.Abstractions;

namespace QaService.Tests.Generation;

/// <summary>
/// Refits the support model with ML.NET (logistic regression) on the calibration half of the data set, chooses its
/// threshold on that half, and reports on the held-out half. The weights it prints are the ones in
/// <see cref="SupportModel"/>; <see cref="SupportCheckerDataSetTests"/> measures those.
/// </summary>
public sealed class SupportModelFitTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_OnCalibrationHalf_MeetsTheTargetsOnTheHeldOutHalf()
    {
        var pairs = SupportDataSet.Load(dense: false);
        var weights = Fit(pairs.Where(p => !p.HeldOut).ToList());

        var calibration = SupportRates.Of(pairs.Where(p => !p.HeldOut), p => weights.Supports(p.Features));
        var heldOut = SupportRates.Of(pairs.Where(p => p.HeldOut), p => weights.Supports(p.Features));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted: {weights}"));
        output.WriteLine($"calibration: {calibration}");
        output.WriteLine($"held out: {heldOut}");
        foreach (var wrong in pairs.Where(p => weights.Supports(p.Features) != p.Supported))
        {
            output.WriteLine($"  wrong{(wrong.HeldOut ? " (held out)" : "")}: {wrong.Id} p={weights.Probability(wrong.Features):0.00} {wrong.Features}");
        }

        Assert.True(heldOut.CatchRate >= 0.9, $"held out: {heldOut}");
        Assert.True(heldOut.FalseFlagRate <= 0.1, $"held out: {heldOut}");

        // The shipped model is this fit, rounded: a change to the features or the data set must refit it.
        var shipped = SupportModel.Weights;
        double[] expected = [shipped.Bias, shipped.SentenceCoverage, shipped.AllCoverage, shipped.MissingTerms, shipped.MissingNames, shipped.MissingNumbers, shipped.NegationMismatch, shipped.Threshold];
        double[] actual = [weights.Bias, weights.SentenceCoverage, weights.AllCoverage, weights.MissingTerms, weights.MissingNames, weights.MissingNumbers, weights.NegationMismatch, weights.Threshold];
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 0.002));
    }

    internal static SupportWeights Fit(IReadOnlyList<SupportPair> calibration)
    {
        var ml = new MLContext(seed: 12);
        var rows = calibration.Select(p => new Row { Label = p.Supported, Features = SupportModel.Inputs(p.Features) });
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor(SupportModel.Inputs(SupportFeatures.Empty).Length));
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 0.01f }).Fit(data).Model.SubModel;
        var w = model.Weights.ToArray();
        var fitted = new SupportWeights(model.Bias, w[0], w[1], w[2], w[3], w[4], w[5], Threshold: 0.5);
        return fitted with { Threshold = ChooseThreshold(calibration, fitted) };
    }

    /// <summary>
    /// The threshold that best separates the calibration pairs (most caught minus most flagged, Youden's J), among
    /// those that catch at least 90 % of the unsupported ones when any does: missing an invented claim costs more.
    /// </summary>
    private static double ChooseThreshold(IReadOnlyList<SupportPair> calibration, SupportWeights weights)
    {
        var candidates = calibration.Select(p => weights.Probability(p.Features)).Distinct().Order().ToList();
        var rated = candidates.Select(t => (Threshold: t, Rates: SupportRates.Of(calibration, p => weights.Probability(p.Features) >= t))).ToList();
        var eligible = rated.Where(r => r.Rates.CatchRate >= 0.9).DefaultIfEmpty().Any(r => r.Rates is not null)
            ? rated.Where(r => r.Rates.CatchRate >= 0.9).ToList()
            : rated;
        var best = eligible.MaxBy(r => r.Rates.CatchRate - r.Rates.FalseFlagRate).Threshold;

        // Halfway to the next probability below, so the chosen boundary is not on a calibration point.
        var below = candidates.Where(c => c < best).DefaultIfEmpty(0).Max();
        return Math.Round((best + below) / 2, 3);
    }

    private static SchemaDefinition SchemaFor(int size)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return schema;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
