using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaService.Documents;

namespace QaService.Indexing;

/// <summary>
/// Keeps a running service on the latest index without a restart: a new <c>current.json</c> (written by the
/// <c>index</c> command beside the service) is taken up, and, with <c>Documents:Watch</c> on, a changed document
/// file rebuilds the index. Questions keep the old snapshot until the new one is ready. It looks once a second at
/// the files' size and time rather than through file-system events, which every host would pay an inotify
/// instance for (a small per-user budget on Linux).
/// </summary>
internal sealed partial class IndexWatcher(
    IndexOwner owner,
    DocumentLoader loader,
    IOptions<DocumentsOptions> documents,
    ILogger<IndexWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var files = new List<string> { Path.Combine(owner.FolderPath, IndexManifest.FileName) };
        if (documents.Value.Watch)
        {
            files.AddRange(documents.Value.Sources.Select(s => loader.ResolvePath(s.Path)));
        }

        var seen = Stamp(files);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Until the index is first ready (or while a damaged one is rebuilt) its owner is busy with it already.
                var now = Stamp(files);
                if (now == seen || !owner.IsReady)
                {
                    continue;
                }

                seen = now;
                try
                {
                    await owner.ReloadAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReloadFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Size and last write time of each file, enough to notice a rewrite or a replacement by rename.</summary>
    private static string Stamp(IEnumerable<string> files) => string.Join('|', files.Select(path =>
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "-";
    }));

    [LoggerMessage(LogLevel.Warning, "Could not take up a changed index or document; the service keeps the index it has")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
