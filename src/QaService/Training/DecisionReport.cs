using QaService.Host.Evaluation;

namespace QaService.Host.Training;

/// <summary>
/// How the question models decide on documents they were not trained on (out of fold, at even odds of
/// unanswerable questions): decision accuracy at a few confidence floors, the AUC of the right-answer probability,
/// and its calibration error. This is what <c>Answering:MinConfidence</c> is chosen from.
/// </summary>
internal static class DecisionReport
{
    private static readonly double[] Floors = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

    public static void Print(AnswerModelTrainer trainer, IReadOnlyList<OutOfFoldQuestion> questions, Action<string> log)
    {
        var judged = new List<(OutOfFoldQuestion Question, float Correct, float Unanswerable)>();
        foreach (var fold in questions.Select(q => q.Fold).Distinct())
        {
            var held = questions.Where(q => q.Fold == fold).ToList();
            var (correct, unanswerable) = trainer.FitQuestionModels(questions.Where(q => q.Fold != fold).ToList());
            var rows = held.Select(q => q.Row).ToList();
            var pc = trainer.Predict(correct, rows);
            var pu = trainer.Predict(unanswerable, rows);
            judged.AddRange(held.Select((q, i) => (q, pc[i], pu[i])));
        }

        var unanswerableCount = judged.Count(j => j.Question.Row.Unanswerable);
        var weight = unanswerableCount == 0 ? 1 : (double)(judged.Count - unanswerableCount) / unanswerableCount;
        foreach (var floor in Floors)
        {
            double right = 0, total = 0;
            foreach (var (question, correct, _) in judged)
            {
                var w = question.Row.Unanswerable ? weight : 1;
                var answers = correct >= floor;
                right += w * (answers ? (question.Row.Label ? 1 : 0) : (question.Row.Unanswerable ? 1 : 0));
                total += w;
            }

            log($"  min confidence {floor:0.00}: decision accuracy {right / total:0.000} (even odds, out of fold)");
        }

        var confidences = judged.Select(j => ((double)j.Correct, j.Question.Row.Label)).ToList();
        var table = Calibration.Table(confidences);
        log($"  right-answer probability, out of fold: AUC {Calibration.Auc(confidences)}, expected calibration error {Calibration.ExpectedError(table)} (unweighted)");
    }
}
