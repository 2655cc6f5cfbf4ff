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

    /// <summary>The step, with the embedding counts while it embeds.</summary>
    public string? Describe()
    {
        lock (gate)
        {
            return counts is { Total: > 0 } c && step is not null ? $"{step}: {c.Embedded:N0} of {c.Total:N0} done" : step;
        }
    }

    public void Report(string value)
    {
        lock (gate)
        {
            (step, counts, loggedTenths) = (value, null, 0);
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

    [LoggerMessage(LogLevel.Information, "Index build: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(LogLevel.Information, "Index build: {Embedded} of {Total} sentences embedded")]
    private static partial void LogEmbedded(ILogger logger, int embedded, int total);
}
