using System.Diagnostics;
using System.Text;
using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary>
/// The REPL at a real terminal: <c>script</c> (util-linux) gives it a pseudo-terminal, so keys arrive as a person types
/// them, Ctrl+C included.
/// </summary>
public sealed class ReplTerminalTests : IDisposable
{
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    [Fact]
    public async Task CtrlC_AtThePrompt_StartsTheLineAfresh_AndTheReplGoesOn()
    {
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingFolder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-qfec", $"dotnet {CliRunner.HostAssembly} repl", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, read);
                }
            }
        });

        await UntilAsync(() => Text().Contains("> ", StringComparison.Ordinal));
        await process.StandardInput.WriteAsync("half typed\u0003");
        await process.StandardInput.FlushAsync();
        await UntilAsync(() => Text().Contains("^C", StringComparison.Ordinal));
        await process.StandardInput.WriteAsync("/quit\r");
        await process.StandardInput.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await reading;
        Assert.Equal(0, process.ExitCode);
        var afterInterrupt = Text()[Text().IndexOf("^C", StringComparison.Ordinal)..];
        Assert.Contains("> /quit", afterInterrupt, StringComparison.Ordinal);
        Assert.DoesNotContain("half typed/quit", Text(), StringComparison.Ordinal);

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "The REPL did not get there within 60 s.");
            await Task.Delay(50);
        }
    }
}
