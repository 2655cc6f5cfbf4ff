using QaService.Host.Evaluation;

namespace QaService.Tests.Evaluation;

public sealed class CalibrationTests
{
    [Fact]
    public void Auc_IsOneWhenEveryRightReplyIsSurerThanEveryWrongOne_AndAHalfForTies()
    {
        Assert.Equal(1.0, Calibration.Auc([(0.9, true), (0.8, true), (0.3, false), (0.1, false)]));
        Assert.Equal(0.0, Calibration.Auc([(0.1, true), (0.9, false)]));
        Assert.Equal(0.5, Calibration.Auc([(0.5, true), (0.5, false)]));
        Assert.Null(Calibration.Auc([(0.5, true)]));
    }

    [Fact]
    public void ExpectedError_WeighsEachBucketsGapByItsReplies()
    {
        // Bucket 0.9–1.0: confidence 0.95, right 1 of 2 (gap 0.45); bucket 0.2–0.3: confidence 0.25, right 0 of 2 (gap 0.25).
        var table = Calibration.Table([(0.95, true), (0.95, false), (0.25, false), (0.25, false)]);

        Assert.Equal(2, table.Count);
        Assert.Equal([0.2, 0.9], table.Select(b => b.From));
        Assert.Equal(0.35, Calibration.ExpectedError(table));
    }
}
