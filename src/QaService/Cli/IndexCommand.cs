using System.CommandLine;
using QaService.Indexing;
using Spectre.Console;

namespace QaService.Host.Cli;

internal static class IndexCommand
{
    public static Command Create()
    {
        var ifChanged = new Option<bool>("--if-changed") { Description = "Only rebuild when the documents or chunking settings changed." };
        var command = new Command("index", "Rebuild the index from the configured documents.") { ifChanged };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(HostArguments.From(parse), async services =>
        {
            var owner = services.GetRequiredService<IndexOwner>();
            var report = await IndexProgressDisplay.RunAsync(display =>
                owner.EnsureAsync(force: !parse.GetValue(ifChanged), display, cancellationToken));

            var verb = report.Reused ? "Reused" : "Built";
            AnsiConsole.MarkupLine(
                $"[green]{verb}[/] the index in {Markup.Escape(report.Path)}: {report.Documents} document(s), {report.Passages} passages, {report.Sentences} sentences in {report.Elapsed.TotalMilliseconds:0} ms.");
            if (report.RebuildReason is { } reason)
            {
                AnsiConsole.MarkupLine($"[grey]Reason: {Markup.Escape(reason)}[/]");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
