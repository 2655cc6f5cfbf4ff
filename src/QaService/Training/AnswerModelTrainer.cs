using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using QaService.Answering.Learning;

namespace QaService.Host.Training;

/// <summary>
/// Trains one retrieval mode's models with LightGBM: a ranker over candidate sentences, then two question models
/// (is the best candidate right; is the question unanswerable) over out-of-fold ranker outputs, so they learn from
/// rankings like those they will see on unseen documents. Folds are whole documents, never questions.
/// </summary>
internal sealed class AnswerModelTrainer(MLContext ml, int folds, QuestionLearner questionLearner)
{
    public (TrainedModels Models, List<OutOfFoldQuestion> OutOfFold) Train(IReadOnlyList<QuestionExample> examples, Action<string> log)
    {
        var outOfFold = OutOfFoldQuestions(examples);
        log($"  ranker, out of fold: best candidate holds the answer for {TopOneAccuracy(outOfFold):0.000} of answerable questions");
        var ranker = FitRanker(examples);
        var (correct, unanswerable) = FitQuestionModels(outOfFold);
        var ceiling = FeatureCeiling.Of(outOfFold.Select(q => q.Row.Features).ToList());
        return (new TrainedModels(ranker, correct, unanswerable, ceiling), outOfFold);
    }

    /// <summary>
    /// For each question, its features as a ranker trained without its document sees them, with both labels; and,
    /// by a second pass over the same folds, the question models' out-of-fold probabilities.
    /// </summary>
    public List<OutOfFoldQuestion> OutOfFoldQuestions(IReadOnlyList<QuestionExample> examples)
    {
        var documents = examples.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        var foldOf = documents.Select((d, i) => (d, i % folds)).ToDictionary(p => p.d, p => p.Item2);
        var questions = new List<OutOfFoldQuestion>();
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where(e => foldOf[e.Document] != fold).ToList();
            var held = examples.Where(e => foldOf[e.Document] == fold && e.Candidates.Count > 0).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var ranker = FitRanker(training);
            var probabilities = Predict(ranker, held.SelectMany(e => e.Candidates).ToList());
            var offset = 0;
            foreach (var example in held)
            {
                questions.Add(OutOfFoldQuestion.Of(example, probabilities[offset..(offset + example.Candidates.Count)], fold));
                offset += example.Candidates.Count;
            }
        }

        return questions;
    }

    /// <summary>
    /// Every document weighs the same in all, as in the question models (measured: it moves the built-in article's
    /// unseen questions' top-1 from 0.67 to 0.69 and SQuAD tune's from 0.815 to 0.82). 150 trees at a rate of 0.1 rank
    /// as well as 300 at 0.05 (out-of-fold top-1 0.758 against 0.759; SQuAD `tune/` strict accuracy with abstention off
    /// 0.815 both) in half the time per question.
    /// </summary>
    public ITransformer FitRanker(IReadOnlyList<QuestionExample> examples)
    {
        var usable = examples.Where(e => e.Answerable && e.Labels.Any(l => l)).ToList();
        var weights = DocumentWeights(usable.Select(e => e.Document).ToList());
        var rows = usable
            .SelectMany(e => e.Candidates.Select((c, i) => new CandidateRow { Features = c.Features, Label = e.Labels[i], Weight = weights[e.Document] }))
            .ToList();
        return WeightedLightGbm(leaves: 31, iterations: 150, learningRate: 0.1, minimumPerLeaf: 40).Fit(ml.Data.LoadFromEnumerable(rows));
    }

    public (ITransformer Correct, ITransformer Unanswerable) FitQuestionModels(IReadOnlyList<OutOfFoldQuestion> questions)
    {
        var correct = FitCalibratedQuestionModel(questions, r => r.Label);
        var unanswerable = FitCalibratedQuestionModel(questions, r => r.Unanswerable);
        return (correct, unanswerable);
    }

    /// <summary>
    /// A question model whose probabilities hold on documents it never saw. The learner calibrates itself on the rows
    /// it learned from, whose scores are surer than those of a new document's questions; an isotonic calibrator fitted
    /// to out-of-fold scores (the same document folds, the same weights) takes its place. Measured on SQuAD `tune/`
    /// with models trained without it, at a floor of 0.3 (and the earlier 300-tree ranker): calibration error 0.103
    /// with the learner's own, 0.053 with a Platt fit to the out-of-fold scores, 0.024 with this one (confidence AUC
    /// 0.644, 0.663, 0.649).
    /// </summary>
    private ITransformer FitCalibratedQuestionModel(IReadOnlyList<OutOfFoldQuestion> questions, Func<QuestionRow, bool> label)
    {
        var weighted = Weighted(questions, label);
        var model = FitQuestionModel(weighted);
        var folds = questions.Select(q => q.Fold).Distinct().ToList();
        if (folds.Count < 2)
        {
            return model;
        }

        // The calibrator learns from the questions as asked, at even odds among them. Questions rewritten to mislead
        // teach the model what misleads, but are easier to tell than real ones: calibrated on them too, its
        // probabilities were too sure on SQuAD `tune/` (calibration error 0.085 against 0.050).
        var asked = questions.Where(q => !q.Misleading).ToList();
        var askedRows = Weighted(asked, label);
        var scored = new List<ScoredQuestion>(asked.Count);
        foreach (var fold in folds)
        {
            var held = Enumerable.Range(0, asked.Count).Where(i => asked[i].Fold == fold).ToList();
            var foldModel = FitQuestionModel(Weighted(questions.Where(q => q.Fold != fold).ToList(), label));
            var scores = foldModel.Transform(ml.Data.LoadFromEnumerable(held.Select(i => askedRows[i])))
                .GetColumn<float>(nameof(ScoredQuestion.Score)).ToArray();
            scored.AddRange(held.Select((i, n) => new ScoredQuestion { Score = scores[n], Label = askedRows[i].Label, Weight = askedRows[i].Weight }));
        }

        var calibrator = ml.BinaryClassification.Calibrators
            .Isotonic(exampleWeightColumnName: nameof(ScoredQuestion.Weight))
            .Fit(ml.Data.LoadFromEnumerable(scored));
        return model.Append(calibrator);
    }

    private ITransformer FitQuestionModel(List<QuestionRow> weighted)
    {
        var data = ml.Data.LoadFromEnumerable(weighted);
        if (questionLearner == QuestionLearner.Logistic)
        {
            var logistic = ml.Transforms.NormalizeMeanVariance(nameof(QuestionRow.Features))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    ExampleWeightColumnName = nameof(QuestionRow.Weight),
                    L2Regularization = 1,
                }));
            return logistic.Fit(data);
        }

        return WeightedLightGbm(leaves: 8, iterations: 150, learningRate: 0.05, minimumPerLeaf: 30).Fit(data);
    }

    /// <summary>
    /// Every document weighs the same in all, however many questions it brings (the built-in article's question files
    /// hold 43 each, a SQuAD article several hundred), so the models learn what holds across documents rather than
    /// what holds in the largest ones. Within that, unanswerable questions weigh as much in all as answerable ones,
    /// whatever their share in the data: the share differs from one document set to the next (7 % to 51 % here), so
    /// the models assume even odds. Questions rewritten to mislead count as unanswerable ones of their document.
    /// </summary>
    private static List<QuestionRow> Weighted(IReadOnlyList<OutOfFoldQuestion> questions, Func<QuestionRow, bool> label)
    {
        var perDocument = DocumentWeights(questions.Select(q => q.Document).ToList());
        var unanswerableWeight = questions.Where(q => q.Row.Unanswerable).Sum(q => perDocument[q.Document]);
        var answerableWeight = questions.Where(q => !q.Row.Unanswerable).Sum(q => perDocument[q.Document]);
        var balance = unanswerableWeight == 0 ? 1f : answerableWeight / unanswerableWeight;
        return questions.Select(q => new QuestionRow
        {
            Features = q.Row.Features,
            Label = label(q.Row),
            Weight = perDocument[q.Document] * (q.Row.Unanswerable ? balance : 1),
        }).ToList();
    }

    /// <summary>A LightGBM binary classifier reading the rows' <c>Weight</c> column, with a fixed seed.</summary>
    private LightGbmBinaryTrainer WeightedLightGbm(int leaves, int iterations, double learningRate, int minimumPerLeaf) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = leaves,
            NumberOfIterations = iterations,
            LearningRate = learningRate,
            MinimumExampleCountPerLeaf = minimumPerLeaf,
            ExampleWeightColumnName = nameof(CandidateRow.Weight),
            Seed = 1,
            Silent = true,
        });

    /// <summary>A weight per question that gives every document the same weight in all, whatever its question count.</summary>
    private static Dictionary<string, float> DocumentWeights(List<string> documentOfEachQuestion)
    {
        var counts = documentOfEachQuestion.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        return counts.ToDictionary(c => c.Key, c => (float)documentOfEachQuestion.Count / (counts.Count * c.Value));
    }

    public float[] Predict(ITransformer model, IReadOnlyList<Candidate> candidates)
    {
        var data = ml.Data.LoadFromEnumerable(candidates.Select(c => new CandidateRow { Features = c.Features }));
        return model.Transform(data).GetColumn<float>(nameof(BinaryPrediction.Probability)).ToArray();
    }

    public float[] Predict(ITransformer model, IReadOnlyList<QuestionRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        return model.Transform(data).GetColumn<float>(nameof(BinaryPrediction.Probability)).ToArray();
    }

    private static double TopOneAccuracy(IReadOnlyList<OutOfFoldQuestion> questions)
    {
        var answerable = questions.Where(q => !q.Row.Unanswerable).ToList();
        return answerable.Count == 0 ? 0 : (double)answerable.Count(q => q.Row.Label) / answerable.Count;
    }
}

/// <summary>A question model's raw score for a question it was not trained on, with the label and weight it carries.</summary>
internal sealed class ScoredQuestion
{
    public float Score { get; set; }

    public bool Label { get; set; }

    public float Weight { get; set; }
}

/// <summary>A question's features as seen by a ranker trained without its document, with its fold.</summary>
internal sealed record OutOfFoldQuestion(QuestionRow Row, int Fold, string Document, bool Misleading = false)
{
    public static OutOfFoldQuestion Of(QuestionExample example, float[] probabilities, int fold)
    {
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => example.Candidates[i].Key).ToList();
        var ranked = order.Select(i => (example.Candidates[i], probabilities[i])).ToList();
        var row = new QuestionRow
        {
            Features = QuestionFeatures.Of(ranked),
            Label = example.Answerable && example.Labels[order[0]],
            Unanswerable = !example.Answerable,
        };
        return new OutOfFoldQuestion(row, fold, example.Document, example.Misleading);
    }
}

/// <summary>What learns the question models: gradient-boosted trees, or a logistic regression over standardised features.</summary>
internal enum QuestionLearner
{
    LightGbm,
    Logistic,
}
