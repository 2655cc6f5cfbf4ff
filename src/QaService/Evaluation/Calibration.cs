namespace QaService.Host.Evaluation;

/// <summary>How well confidences match how often replies were right: ten equal-width buckets, the expected calibration error, and the AUC.</summary>
internal static class Calibration
{
    private const int Buckets = 10;

    public static IReadOnlyList<CalibrationBucket> Table(IReadOnlyList<(double Confidence, bool Right)> replies) =>
        replies.GroupBy(r => Math.Min(Buckets - 1, (int)(r.Confidence * Buckets)))
            .OrderBy(g => g.Key)
            .Select(g => new CalibrationBucket(
                (double)g.Key / Buckets, (double)(g.Key + 1) / Buckets, g.Count(),
                Math.Round(g.Average(r => r.Confidence), 3), Math.Round(g.Average(r => r.Right ? 1.0 : 0.0), 3)))
            .ToList();

    public static double? ExpectedError(IReadOnlyList<CalibrationBucket> table)
    {
        var total = table.Sum(b => b.Replies);
        return total == 0 ? null : Math.Round(table.Sum(b => b.Replies * Math.Abs(b.MeanConfidence - b.Accuracy)) / total, 4);
    }

    /// <summary>The chance that a right reply has a higher confidence than a wrong one (ties count half).</summary>
    public static double? Auc(IReadOnlyList<(double Confidence, bool Right)> replies)
    {
        var ordered = replies.OrderBy(r => r.Confidence).ToList();
        var positives = ordered.Count(r => r.Right);
        var negatives = ordered.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        double rankSum = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j < ordered.Count && ordered[j].Confidence == ordered[i].Confidence)
            {
                j++;
            }

            var meanRank = (i + 1 + j) / 2.0;
            rankSum += meanRank * ordered.Skip(i).Take(j - i).Count(r => r.Right);
            i = j;
        }

        return Math.Round((rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives), 4);
    }
}
