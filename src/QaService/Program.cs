using System.CommandLine;
using QaService.Host.Cli;

// `serve` (the default) starts the web API and chat page; `ask`, `repl`, `index` and `eval` work in the console.
// The host handles Ctrl+C and SIGTERM itself, so System.CommandLine is told not to.
return await QaCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
