using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Answering.Learning;
using QaService.Conversation;
using QaService.Documents;
using QaService.Host.Evaluation;
using QaService.Host.Web;
using QaService.Indexing;
using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>Runs a console command against a fresh host and turns the errors a user can cause into messages and exit codes.</summary>
internal static partial class CommandRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> configurationArgs, Func<IServiceProvider, Task<int>> command)
    {
        if (ConfigurationArguments.FindMistake(configurationArgs) is { } mistake)
        {
            return Fail(ExitCodes.BadArguments, mistake);
        }

        try
        {
            using var host = ConsoleHost.Build(configurationArgs);
            return await command(host.Services);
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, "The configuration is not valid:\n  " + string.Join("\n  ", e.Failures));
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            return Fail(ExitCodes.BadConfiguration, ConfigurationError(e));
        }
        catch (DocumentLoadException e)
        {
            return Fail(ExitCodes.BadConfiguration, e.Message);
        }
        catch (AnswerModelException e)
        {
            return Fail(ExitCodes.BadConfiguration, e.Message);
        }
        catch (IndexNotReadyException e) when (e.InnerException is DocumentLoadException unreadable)
        {
            return Fail(ExitCodes.BadConfiguration, unreadable.Message);
        }
        catch (IndexNotReadyException e)
        {
            return Fail(ExitCodes.Failure, e.Message);
        }
        catch (InvalidQuestionException e)
        {
            return Fail(ExitCodes.BadArguments, e.Message);
        }
        catch (QuestionFileException e)
        {
            return Fail(ExitCodes.BadArguments, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Failure, "Cancelled.");
        }
        catch (Exception e)
        {
            // A failure while answering is reported in one line, as the web API reports it as a problem, not a crash.
            return Fail(ExitCodes.Failure, $"QaService failed: {e.Message} ({e.GetType().Name})");
        }
    }

    public static async Task<int> RunWebAsync(IReadOnlyList<string> configurationArgs, Func<WebApplication> build)
    {
        if (ConfigurationArguments.FindMistake(configurationArgs) is { } mistake)
        {
            return Fail(ExitCodes.BadArguments, mistake);
        }

        try
        {
            await using var app = build();
            if (ListenAddresses.Problem(app.Configuration[WebHostDefaults.ServerUrlsKey]) is { } problem)
            {
                return Fail(ExitCodes.BadArguments, problem);
            }

            // Validated here rather than inside StartAsync, where the host would log the failure with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Services.GetRequiredService<AnswerModel>();
            await app.RunAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, "The configuration is not valid:\n  " + string.Join("\n  ", e.Failures));
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            return Fail(ExitCodes.BadConfiguration, ConfigurationError(e));
        }
        catch (ConversationStoreUnavailableException e)
        {
            return Fail(ExitCodes.Failure, e.Message);
        }
        catch (AnswerModelException e)
        {
            return Fail(ExitCodes.BadConfiguration, e.Message);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            return Fail(ExitCodes.Failure, $"{e.Message.TrimEnd('.')}: another program listens there. Stop it, or choose another address with --urls.");
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            return Fail(ExitCodes.Failure, e.Message);
        }
    }

    /// <summary>The binder's message for a misspelt setting names .NET types; this one names the section and the keys.</summary>
    private static string ConfigurationError(Exception e) => UnknownKeys().Match(e.Message) is { Success: true } unknown
        ? $"The configuration has settings QaService does not know, in the {unknown.Groups["section"].Value} section: {unknown.Groups["keys"].Value}. Check their spelling in the README's tables."
        : "The configuration could not be read: " + e.Message;

    [GeneratedRegex(@"were not found on the instance of (?:\w+\.)*(?<section>\w+?)Options: (?<keys>.+)$")]
    private static partial Regex UnknownKeys();

    private static bool IsConfigurationError(Exception e) =>
        e is InvalidDataException or FormatException or InvalidOperationException
        && e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses the command line with a message on standard error.</summary>
    public static int Refuse(string message) => Fail(ExitCodes.BadArguments, message);

    private static int Fail(int code, string message)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        PipedOutput.Unwrap(console, Console.IsErrorRedirected);
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
