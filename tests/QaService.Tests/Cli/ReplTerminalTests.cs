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
        using var repl = Repl.Start(workingFolder.Path);

        await UntilAsync(() => repl.Text().Contains("> ", StringComparison.Ordinal));
        await repl.TypeAsync("half typed\u0003");
        await UntilAsync(() => repl.Text().Contains("^C", StringComparison.Ordinal));
        await repl.TypeAsync("/quit\r");

        Assert.Equal(0, await repl.ExitCodeAsync());
        var afterInterrupt = repl.Text()[repl.Text().IndexOf("^C", StringComparison.Ordinal)..];
        Assert.Contains("> /quit", afterInterrupt, StringComparison.Ordinal);
        Assert.DoesNotContain("half typed/quit", repl.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConversationForgottenWhileIdle_IsSaidSo_WhenTheNextQuestionIsAnsweredOnItsOwn()
    {
        using var repl = Repl.Start(workingFolder.Path, "--ConversationStore:TimeToLive=00:00:01");
        await UntilAsync(() => repl.Text().Contains("> ", StringComparison.Ordinal));

        await repl.TypeAsync("Which Iranian president visited Pakistan?\r");
        await UntilAsync(() => PromptAfter(repl.Text(), "visited Pakistan?"));
        Assert.DoesNotContain("no longer had", repl.Text(), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await repl.TypeAsync("What did he want from the visit?\r");
        await UntilAsync(() => PromptAfter(repl.Text(), "want from the visit?"));
        await repl.TypeAsync("/quit\r");

        Assert.Equal(0, await repl.ExitCodeAsync());
        var afterFollowUp = repl.Text()[repl.Text().IndexOf("want from the visit?", StringComparison.Ordinal)..];
        Assert.Contains("no longer had the earlier turns", afterFollowUp, StringComparison.Ordinal);

        // The prompt is back once the answer to the question typed is written.
        static bool PromptAfter(string text, string typed) =>
            text.IndexOf(typed, StringComparison.Ordinal) is >= 0 and var at && text.IndexOf("\n> ", at, StringComparison.Ordinal) >= 0;
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

    /// <summary>The REPL under <c>script</c>, its output gathered as it comes.</summary>
    private sealed class Repl : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly Task reading;

        private Repl(Process process)
        {
            this.process = process;
            reading = Task.Run(async () =>
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
        }

        public static Repl Start(string workingFolder, params string[] settings)
        {
            var start = new ProcessStartInfo("script")
            {
                WorkingDirectory = workingFolder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-qfec", $"dotnet {CliRunner.HostAssembly} repl {string.Join(' ', settings)}", "/dev/null" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            return new Repl(Process.Start(start)!);
        }

        public string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        public async Task TypeAsync(string keys)
        {
            await process.StandardInput.WriteAsync(keys);
            await process.StandardInput.FlushAsync();
        }

        public async Task<int> ExitCodeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await reading;
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
