using System.CommandLine;
using System.CommandLine.Parsing;
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
            var (text, settings, mistake) = QuestionAndSettings(parse, parse.GetValue(question) ?? "");
            return mistake is not null ? Task.FromResult(CommandRunner.Refuse(mistake)) : RunAsync(parse, text, settings, cancellationToken);
        });
        return command;

        Task<int> RunAsync(ParseResult parse, string text, IEnumerable<string> settings, CancellationToken cancellationToken) => CommandRunner.RunAsync(HostArguments.From(parse, settings), async services =>
        {
            var asker = services.GetRequiredService<Asker>();
            var request = new AskRequest(text, parse.GetValue(conversation), parse.GetValue(mode), parse.GetValue(explain));
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

    /// <summary>
    /// The question and the settings. Unknown tokens are let through for configuration, so a setting given before the
    /// question (<c>ask --Index:Path=x "Who?"</c>) lands in the question's place: the question is then the one token
    /// that is not a setting. After <c>--</c>, a question may start with dashes.
    /// </summary>
    private static (string Question, IReadOnlyList<string> Settings, string? Mistake) QuestionAndSettings(ParseResult parse, string given)
    {
        if (!given.StartsWith("--", StringComparison.Ordinal) || parse.Tokens.Any(t => t.Type == TokenType.DoubleDash))
        {
            return (given, parse.UnmatchedTokens, null);
        }

        var (settings, others) = ConfigurationArguments.Split([given, .. parse.UnmatchedTokens]);
        return others switch
        {
            [var question] when !question.StartsWith('-') => (question, settings, null),
            [] => ("", settings, "Give the question, in quotes: ask \"Who wrote the article?\"."),
            _ => ("", settings, ConfigurationArguments.Mistake(others[0])),
        };
    }
}
