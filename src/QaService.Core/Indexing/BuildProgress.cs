using System.Globalization;
using Microsoft.Extensions.Logging;
using QaService.Embeddings;

namespace QaService.Indexing;

/// <summary>
/// What a running build is doing: its last step, and how many sentences are embedded, for <c>/readyz</c> and the log
/// while questions wait (a large hybrid build takes minutes). Passes everything on to the caller's progress too.
/// </summary>
internal sealed partial class BuildProgress(IProgress<string>? inner, ILogger logger) : IProgress<string>, IProgress<EmbeddingProgress>
{
    private readonly Lock gate = new();
    private string? step;
    private EmbeddingProgress? counts;
    private int loggedTenths;

    /// <summary>
    /// The last step, with the embedding's counts while it is unfinished: the embedding runs beside the Lucene
    /// indexing, whose steps come in meanwhile.
    /// </summary>
    public string? Describe()
    {
        lock (gate)
        {
            return counts is { Total: > 0 } c && c.Embedded < c.Total ? string.Create(CultureInfo.InvariantCulture, $"{step}; sentences embedded: {c.Embedded:N0} of {c.Total:N0}") : step;
        }
    }

    public void Report(string value)
    {
        lock (gate)
        {
            step = value;
        }

        LogStep(logger, value);
        inner?.Report(value);
    }

    public void Report(EmbeddingProgress value)
    {
        var tenths = value.Total == 0 ? 0 : (int)(10L * value.Embedded / value.Total);
        bool log;
        lock (gate)
        {
            if (value.Embedded == 0)
            {
                loggedTenths = 0;
            }

            counts = value;
            log = tenths > loggedTenths;
            loggedTenths = Math.Max(loggedTenths, tenths);
        }

        if (log)
        {
            LogEmbedded(logger, value.Embedded, value.Total);
        }

        (inner as IProgress<EmbeddingProgress>)?.Report(value);
    }

    [LoggerMessage(LogLevel.Debug, "Index build: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(LogLevel.Information, "Index build: {Embedded} of {Total} sentences embedded")]
    private static partial void LogEmbedded(ILogger logger, int embedded, int total);
}
