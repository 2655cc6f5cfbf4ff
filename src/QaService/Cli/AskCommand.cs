using System.CommandLine;
using System.CommandLine.Parsing;
using QaService.Answering;
using QaService.Indexing;
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
        var mode = ModeOption.Create();
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
            await services.GetRequiredService<IndexOwner>().WaitUntilReadyAsync(cancellationToken);
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
    /// question (<c>ask --Index:Path=x "Who?"</c>) may land in the question's place: the question is the one word that
    /// is not a setting, or the word after <c>--</c>, which may start with dashes.
    /// </summary>
    private static (string Question, IReadOnlyList<string> Settings, string? Mistake) QuestionAndSettings(ParseResult parse, string given)
    {
        var literal = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Select(t => t.Value).ToList();
        // The words after "--" come last among the unmatched ones.
        List<string> words = [given, .. parse.UnmatchedTokens];
        var (settings, others) = ConfigurationArguments.Split(words[..^Math.Min(literal.Count, words.Count)]);
        if (others.FirstOrDefault(w => w.StartsWith('-')) is { } unknown)
        {
            return ("", settings, ConfigurationArguments.Mistake(unknown));
        }

        List<string> questions = [.. others, .. literal];
        return questions switch
        {
            [var question] => (question, settings, null),
            [] => ("", settings, "Give the question, in quotes: ask \"Who wrote the article?\"."),
            _ => ("", settings, $"ask takes one question, in quotes; it was given {string.Join(", ", questions.Select(q => $"'{q}'"))}."),
        };
    }
}
