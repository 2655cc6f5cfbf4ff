using System.CommandLine;
using System.Text.Json;
using QaService.Answering;
using QaService.Host.Evaluation;
using Spectre.Console;

namespace QaService.Host.Cli;

internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var questions = new Option<FileInfo>("--questions") { Description = "A question file in JSON Lines.", Required = true };
        var mode = new Option<AnswerMode>("--mode") { Description = "auto, extractive or generative.", DefaultValueFactory = _ => AnswerMode.Auto };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var failures = new Option<bool>("--show-failures") { Description = "List the questions answered wrongly." };
        var command = new Command("eval", "Score a question file in-process, as qa_eval.py does over HTTP.") { questions, mode, json, failures };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(HostArguments.From(parse), async services =>
        {
            var file = parse.GetValue(questions)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"error: the question file {file.FullName} does not exist.");
                return ExitCodes.Failure;
            }

            var runner = new EvalRunner(services.GetRequiredService<Asker>());
            var report = await runner.RunAsync(EvalRunner.ReadItems(file.FullName), parse.GetValue(mode), cancellationToken);
            if (parse.GetValue(failures))
            {
                foreach (var row in runner.Rows.Where(r => !r.Ok))
                {
                    await Console.Error.WriteLineAsync($"FAIL {row.Id} [{row.Kind}] {row.Question}\n     -> {row.Answer[..Math.Min(300, row.Answer.Length)]}");
                }
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, Indented));
            }
            else
            {
                var table = new Table().AddColumns("figure", "value");
                foreach (var property in JsonSerializer.SerializeToElement(report).EnumerateObject())
                {
                    table.AddRow(property.Name, property.Value.ToString());
                }

                AnsiConsole.Write(table);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
