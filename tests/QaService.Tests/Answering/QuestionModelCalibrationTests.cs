using Microsoft.ML;
using QaService.Answering.Learning;
using QaService.Host.Training;

namespace QaService.Tests.Answering;

/// <summary>
/// The question models' probabilities are the rates seen on documents held out of training, not the learner's own fit.
/// Here the best sentence is right 90 % of the time when one feature is positive and 10 % when it is negative: a
/// logistic curve cannot take that step, so on its own it is too sure far from it (0.98 where 0.9 is seen). Questions
/// rewritten to mislead teach the model but do not set its probabilities.
/// </summary>
public sealed class QuestionModelCalibrationTests
{
    private const int Documents = 10;
    private const int QuestionsPerDocument = 300;

    [Theory]
    [InlineData(0.9, 0.9)]
    [InlineData(0.6, 0.9)]
    [InlineData(-0.6, 0.1)]
    [InlineData(-0.9, 0.1)]
    public void CorrectProbability_IsTheRateSeenOnHeldOutDocuments(float signal, double observedRate)
    {
        var trainer = new AnswerModelTrainer(new MLContext(seed: 1), folds: 5, QuestionLearner.Logistic);
        var (correct, _) = trainer.FitQuestionModels(Questions());

        var probability = trainer.Predict(correct, [Row(signal, new Random(7))])[0];

        Assert.InRange(probability, observedRate - 0.04, observedRate + 0.04);
    }

    [Fact]
    public void CorrectProbability_IsTheRateOfQuestionsAsAsked_NotOfThoseRewrittenToMislead()
    {
        var trainer = new AnswerModelTrainer(new MLContext(seed: 1), folds: 5, QuestionLearner.Logistic);
        var (correct, _) = trainer.FitQuestionModels([.. Questions(), .. MisleadingQuestions()]);
        var unseen = Questions(seed: 3).Select(q => q.Row).ToList();

        var predicted = trainer.Predict(correct, unseen).Average();
        var observed = unseen.Average(row => row.Label ? 1.0 : 0.0);

        Assert.InRange(predicted, observed - 0.03, observed + 0.03);
    }

    /// <summary>
    /// Rewritten questions that look like the likely-right ones (a positive signal) and are never right. A second
    /// feature gives most of them away: it runs from 0.3 to 1 for them and from 0 to 0.7 for questions as asked.
    /// </summary>
    private static List<OutOfFoldQuestion> MisleadingQuestions()
    {
        var random = new Random(2);
        var questions = new List<OutOfFoldQuestion>();
        for (var document = 0; document < Documents; document++)
        {
            for (var n = 0; n < QuestionsPerDocument / 2; n++)
            {
                var row = Row((float)random.NextDouble(), random);
                row.Features[1] = (float)(0.3 + random.NextDouble() * 0.7);
                row.Unanswerable = true;
                questions.Add(new OutOfFoldQuestion(row, document % 5, $"document-{document}", Misleading: true));
            }
        }

        return questions;
    }

    private static List<OutOfFoldQuestion> Questions(int seed = 1)
    {
        var random = new Random(seed);
        var questions = new List<OutOfFoldQuestion>();
        for (var document = 0; document < Documents; document++)
        {
            for (var n = 0; n < QuestionsPerDocument; n++)
            {
                var signal = (float)(random.NextDouble() * 2 - 1);
                var row = Row(signal, random);
                row.Label = signal > 0 ^ random.NextDouble() < 0.1;
                questions.Add(new OutOfFoldQuestion(row, document % 5, $"document-{document}"));
            }
        }

        return questions;
    }

    private static QuestionRow Row(float signal, Random random)
    {
        var features = new float[QuestionFeatures.Count];
        for (var i = 1; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        features[0] = signal;
        features[1] *= 0.7f;
        return new QuestionRow { Features = features };
    }
}
