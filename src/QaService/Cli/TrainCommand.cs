using System.CommandLine;
using Microsoft.ML;
using QaService.Answering.Learning;
using QaService.Host.Evaluation;
using QaService.Host.Training;

namespace QaService.Host.Cli;

/// <summary>
/// <c>train --data DIR_OR_FILE… --out FILE</c>: rebuilds the answer model file from question data, reproducibly
/// (fixed seeds, documents in name order).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Folders of NAME.txt + NAME.jsonl pairs, or question files about the built-in article.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo>("--out") { Description = "The model file to write.", Required = true };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "A folder to keep each document's extracted features in, reused on the next run." };
        var heldOut = new Option<string[]>("--held-out")
        {
            Description = "Score the trained models on these documents (folders or question files), which training never sees.",
            AllowMultipleArgumentsPerToken = true,
        };
        var learner = new Option<QuestionLearner>("--question-model")
        {
            Description = "What learns the answer/abstain models: Logistic (the default, chosen on held-out documents) or LightGbm.",
            DefaultValueFactory = _ => QuestionLearner.Logistic,
        };
        var modesOption = new Option<string[]>("--modes")
        {
            Description = "Retrieval modes to train (hybrid, lexical); the service needs both.",
            DefaultValueFactory = _ => [AnswerModel.Hybrid, AnswerModel.Lexical],
            AllowMultipleArgumentsPerToken = true,
        };
        var misleading = new Option<bool>("--misleading")
        {
            Description = "Also learn from each answerable question rewritten to look answerable and not be: another name of the document in place of one of its own, or a negation. On by default (chosen on held-out documents, see the README); --misleading false leaves them out.",
            DefaultValueFactory = _ => true,
        };
        var folds = new Option<int>("--folds") { Description = "Document folds for the out-of-fold ranker outputs.", DefaultValueFactory = _ => 5 };
        var command = new Command("train", "Train the answer model from question data (see the README).") { data, output, cache, heldOut, learner, modesOption, misleading, folds };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(data) ?? [];
            List<QuestionSource> sources;
            List<QuestionSource> heldOutSources;
            try
            {
                sources = paths.SelectMany(QuestionSource.From).ToList();
                heldOutSources = (parse.GetValue(heldOut) ?? []).SelectMany(QuestionSource.From).ToList();
            }
            catch (FileNotFoundException e)
            {
                return CommandRunner.Refuse(e.Message);
            }

            if (Mistake(sources, heldOutSources, parse.GetValue(modesOption) ?? [], parse.GetValue(folds), parse.GetValue(output)!) is { } mistake)
            {
                return CommandRunner.Refuse(mistake);
            }

            var foldCount = Math.Min(parse.GetValue(folds), sources.Count);
            return await CommandRunner.RunAsync(HostArguments.From(parse), async _ =>
            {
                var cacheFolder = parse.GetValue(cache)?.FullName;
                var examples = await TrainingSetBuilder.BuildAsync(sources, HostArguments.From(parse), cacheFolder, parse.GetValue(misleading), Log, cancellationToken);
                var heldOutExamples = await TrainingSetBuilder.BuildAsync(heldOutSources, HostArguments.From(parse), cacheFolder, misleading: false, Log, cancellationToken);
                var ml = new MLContext(seed: 1);
                var trainer = new AnswerModelTrainer(ml, foldCount, parse.GetValue(learner));
                var modes = new Dictionary<string, TrainedModels>();
                foreach (var (mode, set) in examples.Where(e => parse.GetValue(modesOption)!.Contains(e.Key)))
                {
                    var asked = set.Where(e => !e.Misleading).ToList();
                    var rewritten = set.Count > asked.Count ? $", and {set.Count - asked.Count} of them rewritten to mislead" : "";
                    Log($"{mode}: {asked.Count} questions ({asked.Count(e => !e.Answerable)} unanswerable) from {set.Select(e => e.Document).Distinct().Count()} documents{rewritten}");
                    var (models, outOfFold) = trainer.Train(set, Log);
                    modes[mode] = models;
                    DecisionReport.Print(trainer, outOfFold, Log);
                    if (heldOutExamples[mode].Count > 0)
                    {
                        HeldOutReport.Print(trainer, models, heldOutExamples[mode], Log);
                    }
                }

                var manifest = new AnswerModelManifest(
                    CandidateFeatures.Schema, QuestionFeatures.Schema, [.. modes.Keys], sources.Select(s => s.Name).ToList(), DateTimeOffset.UtcNow);
                var file = parse.GetValue(output)!;
                AnswerModelFile.Save(file.FullName, manifest, modes, ml);
                Log($"wrote {file.FullName} ({new FileInfo(file.FullName).Length / 1024} KB)");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>What makes the training fail, found before the documents are indexed rather than after.</summary>
    private static string? Mistake(List<QuestionSource> sources, List<QuestionSource> heldOut, string[] modes, int folds, FileInfo output)
    {
        string[] known = [AnswerModel.Hybrid, AnswerModel.Lexical];
        if (modes.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            return $"--modes takes {string.Join(" and/or ", known)}, not '{unknown}'.";
        }

        if (modes.Length == 0)
        {
            return $"--modes needs {string.Join(" and/or ", known)}.";
        }

        if (folds < 2)
        {
            return $"--folds is {folds}; use 2 or more (each fold holds some documents out).";
        }

        if (sources.Count < 2)
        {
            return $"Training needs at least two documents, as its folds hold documents out whole; --data gives {sources.Count}.";
        }

        // Only checked here: the training set reads each file again as it indexes its document, unless its cache holds it.
        if (QuestionFile.ReadAll(sources.Concat(heldOut).Select(s => s.QuestionsPath)).Problem is { } problem)
        {
            return problem;
        }

        if (Directory.Exists(output.FullName))
        {
            return $"--out {output.FullName} is a folder; give the model file's path.";
        }

        return output.Directory is { Exists: false } folder ? $"--out: the folder {folder.FullName} does not exist." : null;
    }

    private static void Log(string line) => Console.Error.WriteLine(line);
}
