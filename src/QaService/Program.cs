using System.CommandLine;
using QaService.Host.Cli;

// `serve` (the default) starts the web API and chat page; `ask`, `repl`, `index` and `eval` work in the console.
// The host handles Ctrl+C and SIGTERM itself, so System.CommandLine is told not to.
var parsed = QaCommandLine.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    // Said as every other refusal is, on standard error; the whole help on standard output would bury it.
    return CommandRunner.Refuse(string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)));
}

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
