using System.CommandLine;
using System.Text.Json;
using QaService.Answering;
using QaService.Host.Evaluation;
using QaService.Indexing;
using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>
/// <c>eval --questions FILE</c> scores a question file over the configured documents; <c>eval --set DIR</c> scores
/// each <c>NAME.txt</c> + <c>NAME.jsonl</c> pair of a folder over that document alone, with its own temporary index.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var questions = new Option<FileInfo?>("--questions") { Description = "A question file in JSON Lines, over the configured documents." };
        var set = new Option<DirectoryInfo?>("--set") { Description = "A folder of NAME.txt + NAME.jsonl pairs, each scored over its own document." };
        var mode = ModeOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var failures = new Option<bool>("--show-failures") { Description = "List the questions answered wrongly." };
        var command = new Command("eval", "Score question files in-process, as qa_eval.py does over HTTP.") { questions, set, mode, json, failures };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if ((result.GetValue(questions) is null) == (result.GetValue(set) is null))
            {
                result.AddError("Give either --questions FILE or --set DIR.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = HostArguments.From(parse);
            var runner = new EvalRunner();
            var documents = new List<string>();
            if (parse.GetValue(questions) is { } file)
            {
                if (!file.Exists)
                {
                    var what = Directory.Exists(file.FullName) ? "is a folder (use --set for a folder of NAME.txt + NAME.jsonl pairs)" : "does not exist";
                    return CommandRunner.Refuse($"The question file {file.FullName} {what}.");
                }

                var (read, problem) = QuestionFile.ReadAll([file.FullName]);
                if (problem is not null)
                {
                    return CommandRunner.Refuse(problem);
                }

                var code = await CommandRunner.RunAsync(args, async services =>
                {
                    var snapshot = await services.GetRequiredService<IndexOwner>().WaitUntilReadyAsync(cancellationToken);
                    await runner.RunAsync(file.Name, services.GetRequiredService<Asker>(), snapshot.Corpus, read[0], parse.GetValue(mode), cancellationToken);
                    return ExitCodes.Success;
                });
                if (code != ExitCodes.Success)
                {
                    return code;
                }
            }
            else
            {
                IReadOnlyList<QuestionSource> sources;
                try
                {
                    sources = QuestionSource.From(parse.GetValue(set)!.FullName);
                }
                catch (FileNotFoundException e)
                {
                    return CommandRunner.Refuse(e.Message);
                }

                var (read, problem) = QuestionFile.ReadAll(sources.Select(s => s.QuestionsPath));
                if (problem is not null)
                {
                    return CommandRunner.Refuse(problem);
                }

                foreach (var (source, items) in sources.Zip(read))
                {
                    var code = await CommandRunner.RunAsync(args, async _ =>
                    {
                        using var host = await DocumentHost.StartAsync(source.DocumentPath, args, cancellationToken);
                        await runner.RunAsync(source.Name, host.Services.GetRequiredService<Asker>(), host.Snapshot.Corpus, items, parse.GetValue(mode), cancellationToken);
                        return ExitCodes.Success;
                    });
                    if (code != ExitCodes.Success)
                    {
                        return code;
                    }

                    documents.Add(source.Name);
                    await Console.Error.WriteLineAsync($"{source.Name}: decision accuracy {runner.Report(source.Name).DecisionAccuracy}");
                }
            }

            if (parse.GetValue(failures))
            {
                foreach (var row in runner.Rows.Where(r => !r.Ok))
                {
                    await Console.Error.WriteLineAsync($"FAIL {row.Id} [{row.Kind}] {row.Question}\n     -> {row.Answer[..Math.Min(300, row.Answer.Length)]}");
                }
            }

            var report = runner.Report();
            if (parse.GetValue(json))
            {
                var perDocument = documents.ToDictionary(d => d, runner.Report);
                Console.Out.WriteLine(documents.Count == 0
                    ? JsonSerializer.Serialize(report, Indented)
                    : JsonSerializer.Serialize(new { overall = report, documents = perDocument }, Indented));
            }
            else
            {
                Print(report, documents.Select(d => (d, runner.Report(d))).ToList());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(EvalReport overall, IReadOnlyList<(string Name, EvalReport Report)> documents)
    {
        var table = new Table().AddColumn("figure").AddColumn("overall");
        foreach (var (name, _) in documents)
        {
            table.AddColumn(Markup.Escape(name));
        }

        var columns = new[] { overall }.Concat(documents.Select(d => d.Report)).Select(r => JsonSerializer.SerializeToElement(r)).ToList();
        foreach (var property in columns[0].EnumerateObject().Where(p => p.Name != "calibration"))
        {
            table.AddRow([property.Name, .. columns.Select(c => c.GetProperty(property.Name).ToString())]);
        }

        AnsiConsole.Write(table);
        var calibration = new Table().AddColumns("confidence", "replies", "mean confidence", "accuracy");
        foreach (var bucket in overall.Calibration)
        {
            calibration.AddRow($"{bucket.From:0.0}–{bucket.To:0.0}", bucket.Replies.ToString(), bucket.MeanConfidence.ToString("0.000"), bucket.Accuracy.ToString("0.000"));
        }

        AnsiConsole.Write(calibration);
    }
}
