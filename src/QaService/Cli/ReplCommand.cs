using System.CommandLine;
using QaService.Answering;
using QaService.Generation;
using QaService.Indexing;
using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>
/// An interactive console: one conversation, coloured citations and slash commands. When standard input is not a
/// terminal it reads one question a line and writes one answer a line (an empty line for an empty one), so output
/// lines match input lines and it can sit in a pipe.
/// </summary>
internal static class ReplCommand
{
    private const string Help = """
        Type a question and press Enter. Commands:
          /sources   show the passages cited by the last answer in full
          /explain   show the scores and decisions behind the last answer
          /status    show whether the index is ready and the language model's state
          /reset     start a new conversation
          /help      show this help
          /quit      leave (Ctrl+D works too)
        """;

    private const string ForgottenConversation =
        "The service no longer had the earlier turns of this conversation, so this question was answered on its own.";

    public static Command Create()
    {
        var command = new Command("repl", "Ask questions interactively.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(HostArguments.From(parse), services =>
        {
            var asker = services.GetRequiredService<Asker>();
            return Console.IsInputRedirected
                ? PipeAsync(asker, cancellationToken)
                : InteractiveAsync(asker, services, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> PipeAsync(Asker asker, CancellationToken cancellationToken)
    {
        string? conversation = null;
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Console.Out.WriteLine();
                continue;
            }

            try
            {
                var reply = await asker.AskAsync(new AskRequest(line, conversation), cancellationToken);
                conversation = reply.ConversationId;
                Console.Out.WriteLine(ReplyPrinter.OneLine(reply));
            }
            catch (InvalidQuestionException e)
            {
                Console.Out.WriteLine("error: " + e.Message);
            }
        }

        return ExitCodes.Success;
    }

    private static async Task<int> InteractiveAsync(Asker asker, IServiceProvider services, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var printer = new ReplyPrinter(console);
        var editor = new LineEditor();
        string? conversation = null;
        AskReply? last = null;

        // Ctrl+C stops the answer being written, not the REPL; at the prompt the line editor reads it as a key.
        CancellationTokenSource? answering = null;
        ConsoleCancelEventHandler stopAnswer = (_, e) =>
        {
            if (Volatile.Read(ref answering) is { } running)
            {
                e.Cancel = true;
                running.Cancel();
            }
        };
        Console.CancelKeyPress += stopAnswer;
        using var unregister = new Disposer(() => Console.CancelKeyPress -= stopAnswer);
        console.MarkupLine("[bold]QaService[/] — ask about the article. [grey]/help for commands.[/]");
        while (editor.ReadLine("> ") is { } line)
        {
            switch (line.Trim().ToLowerInvariant())
            {
                case "":
                    continue;
                case "/quit" or "/exit":
                    return ExitCodes.Success;
                case "/help":
                    console.WriteLine(Help);
                    continue;
                case "/reset":
                    conversation = null;
                    last = null;
                    console.MarkupLine("[grey]New conversation.[/]");
                    continue;
                case "/sources":
                    if (last is null)
                    {
                        console.MarkupLine("[grey]Nothing asked yet.[/]");
                    }
                    else
                    {
                        printer.PrintSources(last);
                    }

                    continue;
                case "/explain":
                    if (last is null)
                    {
                        console.MarkupLine("[grey]Nothing asked yet.[/]");
                    }
                    else
                    {
                        printer.PrintExplanation(last);
                    }

                    continue;
                case "/status":
                    PrintStatus(console, services.GetRequiredService<IndexOwner>(), services.GetRequiredService<LlmState>().Status());
                    continue;
                case var text when text.StartsWith('/'):
                    console.MarkupLine($"[red]Unknown command {Markup.Escape(text)}.[/] /help lists them.");
                    continue;
            }

            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Volatile.Write(ref answering, interrupt);
            try
            {
                last = await printer.PrintStreamAsync(asker.AskStreamAsync(new AskRequest(line, conversation, Explain: true), interrupt.Token));
                if (conversation is not null && last.Turn == 1)
                {
                    console.MarkupLine($"[grey]{Markup.Escape(ForgottenConversation)}[/]");
                }

                conversation = last.ConversationId;
            }
            catch (InvalidQuestionException e)
            {
                console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                console.Cursor.Show();
                console.MarkupLine("[grey]Stopped.[/]");
            }
            finally
            {
                Volatile.Write(ref answering, null);
            }
        }

        return ExitCodes.Success;
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    /// <summary>The same facts as <c>/readyz</c>; the key is never part of them.</summary>
    internal static void PrintStatus(IAnsiConsole console, IndexOwner index, LlmStatus llm)
    {
        var indexState = index.IsReady ? "[green]ready[/]" : index.Failure is null ? "[yellow]building[/]" : "[red]failed[/]";
        console.MarkupLine($"index: {indexState}");
        var colour = llm.State switch { "healthy" => "green", "not configured" => "grey", _ => "yellow" };
        var model = llm.Model is null ? "" : $" — {Markup.Escape(llm.Provider)} {Markup.Escape(llm.Model)} at {Markup.Escape(llm.Endpoint ?? "")}";
        console.MarkupLine($"language model: [{colour}]{Markup.Escape(llm.State)}[/]{model}");
    }
}
