using System.CommandLine;
using System.CommandLine.Invocation;
using QaService.Host.Cli;

// `serve` (the default) starts the web API and chat page; `ask`, `repl`, `index` and `eval` work in the console.
// The host handles Ctrl+C and SIGTERM itself, so System.CommandLine is told not to.
var parsed = QaCommandLine.Create().Parse(args);
if (parsed.Action is ParseErrorAction error)
{
    // The error and its suggestions go to standard error; the whole help on standard output would bury them.
    error.ShowHelp = false;
}

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
