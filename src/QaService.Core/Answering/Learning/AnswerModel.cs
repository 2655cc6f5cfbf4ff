using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace QaService.Answering.Learning;

/// <summary>
/// The learned answering models, loaded once: the built-in file, or <see cref="AnsweringOptions.ModelPath"/>. Each
/// retrieval mode has its own set, as dense features exist only in hybrid mode.
/// </summary>
public sealed class AnswerModel : IDisposable
{
    public const string Hybrid = "hybrid";
    public const string Lexical = "lexical";

    private readonly Dictionary<string, ModelSet> modes;

    public AnswerModel(IOptions<AnsweringOptions> options, IHostEnvironment environment)
    {
        var ml = new MLContext(seed: 1);
        var path = options.Value.ModelPath;
        (AnswerModelManifest Manifest, Dictionary<string, TrainedModels> Modes) loaded;
        if (string.IsNullOrWhiteSpace(path))
        {
            using var stream = typeof(AnswerModel).Assembly.GetManifestResourceStream(AnswerModelFile.BuiltInResource)
                ?? throw new AnswerModelException("This build has no built-in answer model; train one with the `train` command (see the README).");
            loaded = AnswerModelFile.Load(stream, "built into QaService.Core", ml);
        }
        else
        {
            var full = Path.GetFullPath(path, environment.ContentRootPath);
            if (!File.Exists(full))
            {
                var what = Directory.Exists(full) ? "is a folder, not a model file" : "does not exist";
                throw new AnswerModelException($"The answer model file {full} (Answering:ModelPath) {what}.");
            }

            using var stream = File.OpenRead(full);
            loaded = AnswerModelFile.Load(stream, full, ml);
        }

        foreach (var mode in new[] { Hybrid, Lexical })
        {
            if (!loaded.Modes.ContainsKey(mode))
            {
                throw new AnswerModelException($"The answer model has no {mode} models; retrain it with the `train` command.");
            }
        }

        Manifest = loaded.Manifest;
        modes = loaded.Modes.ToDictionary(m => m.Key, m => new ModelSet(ml, m.Value));
    }

    public AnswerModelManifest Manifest { get; }

    public ModelSet For(bool dense) => modes[dense ? Hybrid : Lexical];

    public void Dispose()
    {
        foreach (var set in modes.Values)
        {
            set.Dispose();
        }
    }
}

/// <summary>One retrieval mode's models, with a prediction engine per thread (ML.NET's engines are not thread-safe).</summary>
public sealed class ModelSet(MLContext ml, TrainedModels models) : IDisposable
{
    private readonly ThreadLocal<PredictionEngine<CandidateRow, BinaryPrediction>> ranker =
        new(() => ml.Model.CreatePredictionEngine<CandidateRow, BinaryPrediction>(models.Ranker));
    private readonly ThreadLocal<PredictionEngine<QuestionRow, BinaryPrediction>> correct =
        new(() => ml.Model.CreatePredictionEngine<QuestionRow, BinaryPrediction>(models.Correct));
    private readonly ThreadLocal<PredictionEngine<QuestionRow, BinaryPrediction>> unanswerable =
        new(() => ml.Model.CreatePredictionEngine<QuestionRow, BinaryPrediction>(models.Unanswerable));

    /// <summary>The probability that each candidate holds the answer.</summary>
    public float[] Rank(IReadOnlyList<Candidate> candidates)
    {
        var engine = ranker.Value!;
        var row = new CandidateRow();
        var probabilities = new float[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            row.Features = candidates[i].Features;
            probabilities[i] = engine.Predict(row).Probability;
        }

        return probabilities;
    }

    /// <summary>
    /// The probabilities that the best candidate answers the question, and that the document cannot, from the
    /// question's features lowered to the largest values the models learned from.
    /// </summary>
    public (double Correct, double Unanswerable) Judge(float[] questionFeatures)
    {
        var row = new QuestionRow { Features = models.QuestionCeiling.Cap(questionFeatures) };
        return (correct.Value!.Predict(row).Probability, unanswerable.Value!.Predict(row).Probability);
    }

    public void Dispose()
    {
        ranker.Dispose();
        correct.Dispose();
        unanswerable.Dispose();
    }
}
