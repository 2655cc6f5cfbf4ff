using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaService.Documents;

namespace QaService.Indexing;

/// <summary>
/// Keeps a running service on the latest index without a restart: a new <c>current.json</c> (written by the
/// <c>index</c> command beside the service) is taken up, and, with <c>Documents:Watch</c> on, a changed document
/// file rebuilds the index. Questions keep the old snapshot until the new one is ready.
/// </summary>
internal sealed partial class IndexWatcher(
    IndexOwner owner,
    DocumentLoader loader,
    IOptions<DocumentsOptions> documents,
    ILogger<IndexWatcher> logger) : BackgroundService
{
    /// <summary>Changes closer together than this are taken as one (an editor writes a file in several steps).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await owner.StartAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // IndexingService reports a failed start
        }

        var changed = new SemaphoreSlim(0);
        var watchers = new List<FileSystemWatcher> { Watch(owner.FolderPath, IndexManifest.FileName, changed) };
        if (documents.Value.Watch)
        {
            foreach (var file in documents.Value.Sources.Select(s => loader.ResolvePath(s.Path)).Distinct())
            {
                watchers.Add(Watch(Path.GetDirectoryName(file)!, Path.GetFileName(file), changed));
            }
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Settle, stoppingToken).ConfigureAwait(false);
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }

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
        finally
        {
            watchers.ForEach(w => w.Dispose());
            changed.Dispose();
        }
    }

    private static FileSystemWatcher Watch(string folder, string fileName, SemaphoreSlim changed)
    {
        var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Signal(string? name)
        {
            if (string.Equals(name, fileName, StringComparison.Ordinal))
            {
                changed.Release();
            }
        }

        // current.json is replaced by a rename, which the watcher reports under the new name.
        watcher.Changed += (_, e) => Signal(e.Name);
        watcher.Created += (_, e) => Signal(e.Name);
        watcher.Renamed += (_, e) => Signal(e.Name);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(LogLevel.Warning, "Could not take up a changed index or document; the service keeps the index it has")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
