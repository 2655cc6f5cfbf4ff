using Xunit.Abstractions;
using QaService.Generation.Support;

namespace QaService.Tests.Generation;

/// <summary>
/// The support model as shipped (<see cref="SupportModel"/>), measured on the held-out half of the data set, with
/// the nearest passage sentence found by embeddings (Retrieval:Dense on) and by shared words (off).
/// Target: catch at least 90 % of the unsupported sentences, flag at most 10 % of the supported ones.
/// </summary>
public sealed class SupportCheckerDataSetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShippedModel_OnHeldOutHalf_CatchesNineInTenUnsupportedAndFlagsAtMostOneInTenSupported(bool dense)
    {
        var pairs = SupportDataSet.Load(dense);
        Assert.True(pairs.Count >= 60, $"the data set has {pairs.Count} pairs");

        var heldOut = SupportRates.Of(pairs.Where(p => p.HeldOut), p => SupportModel.Weights.Supports(p.Features));
        var whole = SupportRates.Of(pairs, p => SupportModel.Weights.Supports(p.Features));
        output.WriteLine($"dense={dense} held out: {heldOut}; whole set: {whole}");

        Assert.True(heldOut.CatchRate >= 0.9, $"held out: {heldOut}");
        Assert.True(heldOut.FalseFlagRate <= 0.1, $"held out: {heldOut}");
    }
}
