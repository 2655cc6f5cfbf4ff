using System.CommandLine;
using QaService.Answering;
using Spectre.Console;

namespace QaService.Host.Cli;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };

        var json = new Option<bool>("--json") { Description = "Print the reply object of the HTTP API as JSON." };
        var explain = new Option<bool>("--explain") { Description = "Show the scores and decisions behind the answer." };
        var conversation = new Option<string?>("--conversation")
        {
            Description = "Continue the conversation with this id (conversations outlive the process only with ConversationStore:Redis).",
        };
        var mode = new Option<AnswerMode>("--mode") { Description = "auto, extractive or generative.", DefaultValueFactory = _ => AnswerMode.Auto };
        var command = new Command("ask", "Answer one question and exit.") { question, json, explain, conversation, mode };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            // Unknown tokens are let through for configuration, so a mistyped option before the question lands here as the question.
            if (parse.GetValue(question) is { } text && text.StartsWith("--", StringComparison.Ordinal))
            {
                return Task.FromResult(CommandRunner.Refuse($"Unknown option '{text}'. Run with --help for the options."));
            }

            return RunAsync(parse, cancellationToken);
        });
        return command;

        Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CommandRunner.RunAsync(HostArguments.From(parse), async services =>
        {
            var asker = services.GetRequiredService<Asker>();
            var request = new AskRequest(parse.GetValue(question) ?? "", parse.GetValue(conversation), parse.GetValue(mode), parse.GetValue(explain));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ReplyPrinter.ToJson(await asker.AskAsync(request, cancellationToken)));
                return ExitCodes.Success;
            }

            var printer = new ReplyPrinter(AnsiConsole.Console);
            var reply = await printer.PrintStreamAsync(asker.AskStreamAsync(request, cancellationToken));
            AnsiConsole.MarkupLine($"[grey]conversation {Markup.Escape(reply.ConversationId)}, turn {reply.Turn}[/]");
            if (reply.Explanation is not null)
            {
                printer.PrintExplanation(reply);
            }

            return ExitCodes.Success;
        });
    }
}
