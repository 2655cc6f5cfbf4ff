using System.CommandLine;
using QaService.Host.Web;

namespace QaService.Host.Cli;

/// <summary>The command line: <c>serve</c> (the default), <c>ask</c>, <c>repl</c>, <c>index</c>, <c>eval</c>.</summary>
internal static class QaCommandLine
{
    public static RootCommand Create()
    {
        PipedOutput.Unwrap(Spectre.Console.AnsiConsole.Console, Console.IsOutputRedirected);
        var root = new RootCommand("QaService answers questions about a news article, with citations.")
        {
            ServeCommand(),
            AskCommand.Create(),
            ReplCommand.Create(),
            IndexCommand.Create(),
            EvalCommand.Create(),
            TrainCommand.Create(),
            HostArguments.Offline,
        };

        // With no command QaService serves; unknown --key=value pairs pass to ASP.NET Core configuration.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(parse => ServeAsync(HostArguments.From(parse)));
        return root;
    }

    private static Command ServeCommand()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5000 (default http://localhost:5000)." };
        var command = new Command("serve", "Serve the HTTP API and the chat page (the default).") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var args = HostArguments.From(parse);
            if (parse.GetValue(urls) is { } address)
            {
                args.Add($"--urls={address}");
            }

            return ServeAsync(args);
        });
        return command;
    }

    private static Task<int> ServeAsync(IReadOnlyList<string> args) => CommandRunner.RunWebAsync(args, () => WebApp.Build([.. args]));
}
