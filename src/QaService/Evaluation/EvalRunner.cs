using System.Diagnostics;
using QaService.Answering;
using QaService.Indexing;

namespace QaService.Host.Evaluation;

/// <summary>
/// Runs question files through the asker in-process and scores them the way <c>qa_eval.py</c> does over HTTP. Rows
/// are kept per document, so a run over a document set reports each document and all of them together.
/// </summary>
internal sealed class EvalRunner
{
    private readonly List<EvalRow> rows = [];

    public IReadOnlyList<EvalRow> Rows => rows;

    public async Task RunAsync(string document, Asker asker, Corpus corpus, IEnumerable<EvalItem> items, AnswerMode mode, CancellationToken cancellationToken)
    {
        var scorer = new TurnScorer(document, asker, corpus, mode);
        foreach (var item in items)
        {
            if (item.Kind is "answerable" or "unanswerable")
            {
                var (row, _) = await scorer.ScoreTurnAsync(item.Id, item.Kind, item.Question ?? "", item.Evidence ?? [], item.AnswerKeys ?? [], null, cancellationToken);
                rows.Add(row);
            }
            else if (item.Kind == "dialog")
            {
                string? conversation = null;
                for (var n = 0; n < item.Turns!.Count; n++)
                {
                    var turn = item.Turns[n];
                    var (row, id) = await scorer.ScoreTurnAsync(
                        $"{item.Id}#{n + 1}", n == 0 ? "first-turn" : "follow-up", turn.Question, turn.Evidence ?? [], turn.AnswerKeys, conversation, cancellationToken);
                    rows.Add(row);
                    conversation = id ?? conversation;
                }
            }
        }
    }

    public EvalReport Report() => Report(rows);

    public EvalReport Report(string document) => Report(rows.Where(r => r.Document == document).ToList());

    private static EvalReport Report(List<EvalRow> subset)
    {
        var answerable = subset.Where(r => r.Kind is "answerable" or "first-turn").ToList();
        var follow = subset.Where(r => r.Kind == "follow-up").ToList();
        var unanswerable = subset.Where(r => r.Kind == "unanswerable").ToList();
        var decided = answerable.Concat(unanswerable).Concat(follow).ToList();
        var sorted = subset.Select(r => r.Seconds).Order().ToList();
        var confidences = subset.Where(r => !r.Failed).Select(r => (r.Confidence, r.Ok)).ToList();
        var table = Calibration.Table(confidences);
        return new EvalReport(
            answerable.Count, Rate(answerable, r => r.Correct), Rate(answerable, r => r.Strict), Rate(answerable, r => r.Hit1), Rate(answerable, r => r.Hit3),
            Rate(answerable, r => r.Abstained), unanswerable.Count, Rate(unanswerable, r => r.Ok), follow.Count,
            Rate(follow, r => r.Correct), Rate(follow, r => r.Hit3), Rate(decided, r => r.Ok),
            subset.Count(r => r.Failed),
            subset.Sum(r => r.CitationsChecked) == 0 ? null : Math.Round((double)subset.Sum(r => r.CitationsValid) / subset.Sum(r => r.CitationsChecked), 3),
            subset.Count == 0 ? null : Math.Round(subset.Average(r => r.Answer.Length), 1),
            sorted.Count == 0 ? null : Math.Round(1000 * sorted[sorted.Count / 2], 2),
            sorted.Count == 0 ? null : Math.Round(1000 * sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))], 2),
            Calibration.Auc(confidences), Calibration.ExpectedError(table), table);
    }

    private static double? Rate(List<EvalRow> subset, Func<EvalRow, bool> field) =>
        subset.Count == 0 ? null : Math.Round((double)subset.Count(field) / subset.Count, 3);
}
