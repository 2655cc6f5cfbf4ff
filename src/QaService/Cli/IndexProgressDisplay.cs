using System.Diagnostics;
using QaService.Embeddings;
using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>
/// Shows an index build as it goes: in a terminal, a bar with the texts embedded, out of how many, and the rate;
/// otherwise (output piped or logged) a plain line per step and about every tenth of the embedding.
/// </summary>
internal sealed class IndexProgressDisplay : IProgress<string>, IProgress<EmbeddingProgress>
{
    private readonly Stopwatch embeddingClock = new();
    private readonly Lock gate = new();
    private ProgressTask? bar;
    private int lastPrintedTenth = -1;

    public static bool IsInteractive => AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="build"/>, drawing a live bar when the console is a terminal.</summary>
    public static async Task<T> RunAsync<T>(Func<IndexProgressDisplay, Task<T>> build)
    {
        if (!IsInteractive)
        {
            return await build(new IndexProgressDisplay());
        }

        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var display = new IndexProgressDisplay { bar = context.AddTask("Building the index…", maxValue: 1) };
                return await build(display);
            });
    }

    /// <summary>Steps come from the Lucene writer and the encoders at once (see <c>IndexOwner</c>).</summary>
    public void Report(string step)
    {
        lock (gate)
        {
            if (bar is not null)
            {
                bar.Description = Markup.Escape(step);
            }
            else
            {
                Console.WriteLine(step);
            }
        }
    }

    public void Report(EmbeddingProgress value)
    {
        lock (gate)
        {
            if (value.Embedded == 0)
            {
                embeddingClock.Restart();
            }

            var seconds = embeddingClock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? value.Embedded / seconds : 0;
            var line = $"embedded {value.Embedded:N0}/{value.Total:N0} texts, {rate:N0}/s";
            if (bar is not null)
            {
                bar.MaxValue = Math.Max(1, value.Total);
                bar.Value = value.Embedded;
                bar.Description = line;
                return;
            }

            var tenth = value.Total == 0 ? 10 : value.Embedded * 10 / value.Total;
            if (tenth > lastPrintedTenth)
            {
                lastPrintedTenth = tenth;
                Console.WriteLine(line);
            }
        }
    }
}
