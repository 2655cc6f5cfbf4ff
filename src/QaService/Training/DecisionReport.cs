using QaService.Host.Evaluation;

namespace QaService.Host.Training;

/// <summary>
/// How the question models decide on documents they were not trained on (out of fold, at even odds of
/// unanswerable questions, and only of the questions as asked, not those rewritten to mislead):
/// decision accuracy at a few confidence floors, the AUC of the right-answer probability,
/// and its calibration error: a first guide to <c>Answering:MinConfidence</c> (the README says how its default was chosen).
/// </summary>
internal static class DecisionReport
{
    private static readonly double[] Floors = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

    public static void Print(AnswerModelTrainer trainer, IReadOnlyList<OutOfFoldQuestion> questions, Action<string> log)
    {
        var judged = new List<Judged>();
        foreach (var fold in questions.Select(q => q.Fold).Distinct())
        {
            var held = questions.Where(q => q.Fold == fold).ToList();
            var (correct, unanswerable) = trainer.FitQuestionModels(questions.Where(q => q.Fold != fold).ToList());
            var rows = held.Select(q => q.Row).ToList();
            var pc = trainer.Predict(correct, rows);
            var pu = trainer.Predict(unanswerable, rows);
            judged.AddRange(held.Select((q, i) => new Judged(q, pc[i], pu[i])).Where(j => !j.Question.Misleading));
        }

        var unanswerableCount = judged.Count(j => j.Question.Row.Unanswerable);
        var weight = unanswerableCount == 0 ? 1 : (double)(judged.Count - unanswerableCount) / unanswerableCount;
        foreach (var floor in Floors)
        {
            log($"  min confidence {floor:0.00}: decision accuracy {DecisionAccuracy(judged, weight, j => j.Correct >= floor):0.000} (even odds, out of fold)");
        }

        var likelier = DecisionAccuracy(judged, weight, j => j.Correct >= j.Unanswerable);
        log($"  answer when right is likelier than unanswerable: decision accuracy {likelier:0.000} (even odds, out of fold)");

        var confidences = judged.Select(j => ((double)j.Correct, j.Question.Row.Label)).ToList();
        var table = Calibration.Table(confidences);
        log($"  right-answer probability, out of fold: AUC {Calibration.Auc(confidences)}, expected calibration error {Calibration.ExpectedError(table)} (unweighted)");
    }

    /// <summary>Right answers plus right abstentions over all questions, unanswerable ones weighted to even odds.</summary>
    private static double DecisionAccuracy(List<Judged> judged, double unanswerableWeight, Func<Judged, bool> answers)
    {
        double right = 0, total = 0;
        foreach (var j in judged)
        {
            var row = j.Question.Row;
            var w = row.Unanswerable ? unanswerableWeight : 1;
            right += w * (answers(j) ? (row.Label ? 1 : 0) : (row.Unanswerable ? 1 : 0));
            total += w;
        }

        return right / total;
    }

    private sealed record Judged(OutOfFoldQuestion Question, float Correct, float Unanswerable);
}
