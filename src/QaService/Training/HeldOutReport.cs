using QaService.Answering.Learning;
using QaService.Host.Evaluation;

namespace QaService.Host.Training;

/// <summary>
/// How freshly trained models do on documents they never saw, from those documents' extracted candidates: how often
/// the best candidate holds the answer, and at a few confidence floors the share of right decisions (a right answer
/// or a justified abstention), with the AUC and calibration error of the right-answer probability.
/// </summary>
internal static class HeldOutReport
{
    private static readonly double[] Floors = [0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

    public static void Print(AnswerModelTrainer trainer, TrainedModels models, IReadOnlyList<QuestionExample> examples, Action<string> log)
    {
        var withCandidates = examples.Where(e => e.Candidates.Count > 0).ToList();
        var probabilities = trainer.Predict(models.Ranker, withCandidates.SelectMany(e => e.Candidates).ToList());
        var questions = new List<OutOfFoldQuestion>();
        var offset = 0;
        foreach (var example in withCandidates)
        {
            questions.Add(OutOfFoldQuestion.Of(example, probabilities[offset..(offset + example.Candidates.Count)], 0));
            offset += example.Candidates.Count;
        }

        var rows = questions.Select(q => new QuestionRow { Features = models.QuestionCeiling.Cap(q.Row.Features) }).ToList();
        var correct = trainer.Predict(models.Correct, rows);
        var unanswerable = trainer.Predict(models.Unanswerable, rows);
        var judged = questions.Select((q, i) => (Answerable: !q.Row.Unanswerable, BestRight: q.Row.Label, Correct: correct[i], Unanswerable: unanswerable[i]))
            .Concat(examples.Where(e => e.Candidates.Count == 0).Select(e => (Answerable: e.Answerable, BestRight: false, Correct: 0f, Unanswerable: 1f)))
            .ToList();

        var answerable = judged.Where(j => j.Answerable).ToList();
        log($"  held out: {judged.Count} questions ({judged.Count - answerable.Count} unanswerable); best candidate right for {answerable.Average(j => j.BestRight ? 1.0 : 0.0):0.000} of answerable");
        foreach (var floor in Floors)
        {
            var replies = judged.Select(j => j.Correct >= floor
                ? (Confidence: (double)j.Correct, Right: j.Answerable && j.BestRight)
                : (Confidence: (double)j.Unanswerable, Right: !j.Answerable)).ToList();
            var table = Calibration.Table(replies);
            log($"  min confidence {floor:0.00}: decision accuracy {replies.Average(r => r.Right ? 1.0 : 0.0):0.000}, "
                + $"abstention accuracy {judged.Where(j => !j.Answerable).Average(j => j.Correct < floor ? 1.0 : 0.0):0.000}, "
                + $"confidence AUC {Calibration.Auc(replies)}, ECE {Calibration.ExpectedError(table)}");
        }
    }
}
