using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaService.Documents;
using QaService.Embeddings;
using QaService.Ingestion;

namespace QaService.Indexing;

/// <summary>
/// The one owner of the index: builds it (or reuses the one on disk) when the host starts, swaps in new generations
/// atomically and hands the ready snapshot to whoever asks. Questions never see a half-built index. An index whose
/// checksums fail is rebuilt, at start or when a read fails while serving; a generation written by another process
/// (the <c>index</c> command) is picked up by <see cref="ReloadAsync"/>.
/// </summary>
public sealed partial class IndexOwner(
    DocumentLoader loader,
    Chunker chunker,
    IOptions<ChunkingOptions> chunking,
    IOptions<IndexOptions> options,
    IHostEnvironment environment,
    ILogger<IndexOwner> logger,
    EmbeddingStore? embeddings = null) : IDisposable
{
    /// <summary>Marks a generation folder whose build has not finished.</summary>
    private const string BuildingMarker = "building.marker";

    private static readonly TimeSpan AbandonedBuildAge = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim buildLock = new(1, 1);
    private readonly Lock stateLock = new();
    private TaskCompletionSource<IndexSnapshot> ready = NewReady();
    private IndexSnapshot? current;
    private BuildProgress? building;
    private Task<IndexBuildReport>? startup;
    private string? foreignFingerprint;

    public string FolderPath => Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public bool IsReady => current is not null;

    /// <summary>Why the index could not be built, when it could not.</summary>
    public string? Failure { get; private set; }

    /// <summary>What the build under way is doing ("indexed 3591 sentences; sentences embedded: 1,200 of 3,591"), while one is.</summary>
    public string? BuildStep => Volatile.Read(ref building)?.Describe();

    /// <summary>The ready index; waits up to <see cref="IndexOptions.ReadyTimeout"/> for one still being built.</summary>
    public async Task<IndexSnapshot> GetReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WaitUntilReadyAsync(cancellationToken).WaitAsync(options.Value.ReadyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new IndexNotReadyException("The index is still being built; try again in a moment.");
        }
    }

    /// <summary>
    /// The ready index, however long its build takes: for a console command, which would otherwise give up on a long
    /// build and take it with it when it exits, so that trying again never helps.
    /// </summary>
    public Task<IndexSnapshot> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        if (current is { } snapshot)
        {
            return Task.FromResult(snapshot);
        }

        _ = StartAsync(CancellationToken.None);
        return Volatile.Read(ref ready).Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts making the index ready, once; later calls return the same build.</summary>
    public Task<IndexBuildReport> StartAsync(CancellationToken cancellationToken)
    {
        lock (stateLock)
        {
            return startup ??= Task.Run(() => EnsureAsync(false, null, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Makes the index ready: reuses the one on disk when documents and chunking are unchanged, else rebuilds.</summary>
    public async Task<IndexBuildReport> EnsureAsync(bool force, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await buildLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var recorded = new BuildProgress(progress, logger);
        Volatile.Write(ref building, recorded);
        try
        {
            var report = Build(force, recorded, cancellationToken);
            Failure = null;
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failure = e.Message;
            Volatile.Read(ref ready).TrySetException(new IndexNotReadyException($"The index could not be built: {e.Message}", e));
            throw;
        }
        finally
        {
            Volatile.Write(ref building, null);
            buildLock.Release();
        }
    }

    private IndexBuildReport Build(bool force, BuildProgress progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var folder = FolderPath;
        Directory.CreateDirectory(folder);
        progress.Report("loading documents");
        var corpus = Corpus.Create(loader.Load(), chunker, chunking.Value);
        progress.Report($"split {corpus.Documents.Count} document(s) into {corpus.Sentences.Count} sentences and {corpus.Passages.Count} passages");

        var manifest = IndexManifest.TryRead(folder);
        var reason = force ? "a rebuild was requested"
            : manifest is null ? "no index on disk"
            : manifest.Fingerprint != corpus.Fingerprint ? "the documents or chunking settings changed"
            : null;

        string? damage = null;
        if (reason is null && current is { } live && Path.GetFileName(live.Folder) == manifest!.Generation)
        {
            // The live index is the one on disk and is up to date.
            return Report(true, null);
        }

        if (reason is null && TryOpen(corpus, Path.Combine(folder, manifest!.Generation), out var reused, out damage))
        {
            AttachEmbeddings(reused, progress, cancellationToken);
            Publish(reused);
            logger.LogInformation("Reusing the index in {Folder} ({Passages} passages)", folder, corpus.Passages.Count);
            return Report(true, null);
        }

        reason ??= $"the index on disk is damaged ({damage})";
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogInformation("Building the index in {Folder}: {Reason}", folder, reason);
        var generation = $"gen-{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..36];
        var generationFolder = Path.Combine(folder, generation);
        var marker = Path.Combine(generationFolder, BuildingMarker);
        Directory.CreateDirectory(generationFolder);
        File.WriteAllText(marker, $"{Environment.ProcessId}");
        var previous = manifest is null ? null : Path.Combine(folder, manifest.Generation);
        IndexSnapshot snapshot;
        try
        {
            snapshot = WriteGeneration(corpus, generationFolder, previous, progress, cancellationToken);
        }
        catch
        {
            // A build stopped midway (Ctrl+C, a failure) takes its half-written generation with it; the previous one
            // goes on serving.
            DeleteQuietly(generationFolder);
            throw;
        }

        File.Delete(marker);
        new IndexManifest(corpus.Fingerprint, generation, DateTimeOffset.UtcNow).WriteAtomically(folder);
        Publish(snapshot);
        DeleteOtherGenerations(folder, generation);
        logger.LogInformation("Index ready in {Elapsed} ms", stopwatch.ElapsedMilliseconds);
        return Report(false, reason);

        IndexBuildReport Report(bool wasReused, string? why) => new(
            wasReused, folder, corpus.Documents.Count, corpus.Passages.Count, corpus.Sentences.Count, stopwatch.Elapsed, why);
    }

    /// <summary>
    /// Writes the Lucene files and the embeddings of a new generation side by side: the embeddings need only the
    /// sentences, so the encoders load and start while Lucene indexes.
    /// </summary>
    private IndexSnapshot WriteGeneration(
        Corpus corpus, string generationFolder, string? previousFolder, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var stopEmbedding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var embedded = embeddings is null
            ? Task.FromResult<StoredEmbeddings?>(null)
            : Task.Run<StoredEmbeddings?>(() => embeddings.LoadOrCompute(corpus, generationFolder, previousFolder, progress, stopEmbedding.Token), CancellationToken.None);
        IndexSnapshot snapshot;
        try
        {
            LuceneIndexWriter.Write(corpus, generationFolder, progress);
            snapshot = IndexSnapshot.Open(corpus, generationFolder);
        }
        catch
        {
            stopEmbedding.Cancel();
            embedded.ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
            throw;
        }

        try
        {
            snapshot.Embeddings = embedded.GetAwaiter().GetResult();
            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    private void AttachEmbeddings(IndexSnapshot snapshot, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (embeddings is not null)
        {
            snapshot.Embeddings = embeddings.LoadOrCompute(snapshot.Corpus, snapshot.Folder, previousFolder: null, progress, cancellationToken);
        }
    }

    private static bool TryOpen(Corpus corpus, string generationFolder, out IndexSnapshot snapshot, out string? damage)
    {
        try
        {
            snapshot = IndexSnapshot.Open(corpus, generationFolder);
            damage = null;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Damaged files fail in many ways besides Lucene's own exceptions (out-of-range slices, bad lengths); all mean "rebuild".
            snapshot = null!;
            damage = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Called when answering failed: checks the live index's checksums. When they fail, the index is marked damaged,
    /// questions wait for a rebuild that starts in the background, and this returns true.
    /// </summary>
    public bool CheckAfterFailure(Exception failure)
    {
        var snapshot = current;
        if (snapshot is null)
        {
            // Already marked damaged by another question; its rebuild is under way.
            return !Volatile.Read(ref ready).Task.IsCompleted;
        }

        if (snapshot.FindDamage() is not { } damage)
        {
            return false;
        }

        lock (stateLock)
        {
            if (!ReferenceEquals(current, snapshot))
            {
                return true;
            }

            current = null;
            ready = NewReady();
        }

        logger.LogError(failure, "The index in {Folder} is damaged ({Damage}); rebuilding it", snapshot.Folder, damage);
        _ = Task.Run(async () =>
        {
            try
            {
                await EnsureAsync(force: true, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "The damaged index could not be rebuilt");
            }
        });
        _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => snapshot.Dispose(), TaskScheduler.Default);
        return true;
    }

    /// <summary>
    /// Takes up the generation that <c>current.json</c> names when it is not the live one (another process rebuilt
    /// the index), or rebuilds when the documents changed; does nothing while the live index is up to date.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var before = current;
        if (before is null)
        {
            return;
        }

        if (AnotherProcessIndexedOtherDocuments(before) is { } foreign)
        {
            if (Interlocked.Exchange(ref foreignFingerprint, foreign) != foreign)
            {
                LogForeignIndex(logger, FolderPath);
            }

            return;
        }

        var report = await EnsureAsync(force: false, null, cancellationToken).ConfigureAwait(false);
        if (current is { } after && !ReferenceEquals(before, after))
        {
            logger.LogInformation(
                "Now serving the index in {Folder}: {Reason}", after.Folder, report.RebuildReason ?? "another process wrote a new generation");
        }
    }

    /// <summary>
    /// The fingerprint of an index another process wrote into this folder from other documents or chunking settings
    /// than this instance's (unchanged) ones; null when the folder's index is this instance's to take up or rebuild.
    /// Rebuilding ours would make that process rebuild in turn, for ever, so this instance keeps serving its own: its
    /// files stay readable while it holds them open, even once the other process has deleted them.
    /// </summary>
    private string? AnotherProcessIndexedOtherDocuments(IndexSnapshot serving)
    {
        var manifest = IndexManifest.TryRead(FolderPath);
        if (manifest is null || manifest.Fingerprint == serving.Corpus.Fingerprint)
        {
            return null;
        }

        try
        {
            return Corpus.FingerprintOf(loader.Load(), chunking.Value) == serving.Corpus.Fingerprint ? manifest.Fingerprint : null;
        }
        catch (DocumentLoadException)
        {
            // The rebuild reports it, as for any other reload.
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Another process wrote an index of other documents or chunking settings into {Folder}; this instance keeps serving its own. Give each instance an Index:Path of its own.")]
    private static partial void LogForeignIndex(ILogger logger, string folder);

    private static TaskCompletionSource<IndexSnapshot> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Publish(IndexSnapshot snapshot)
    {
        IndexSnapshot? previous;
        lock (stateLock)
        {
            previous = Interlocked.Exchange(ref current, snapshot);
            if (!ready.TrySetResult(snapshot))
            {
                ready = NewReady();
                ready.SetResult(snapshot);
            }
        }

        if (previous is not null && !ReferenceEquals(previous, snapshot))
        {
            // Questions in flight may still hold the old snapshot; let them finish before closing it.
            _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Deletes the generations this one replaces: those named before <paramref name="keep"/> (names start with their
    /// UTC start time), except those another build (an <c>index</c> command beside this instance, or another instance)
    /// is still writing: they carry the building marker until done, and a marker left by a build that died is ignored
    /// after <see cref="AbandonedBuildAge"/>. A newer generation is left alone; the build that publishes it deletes this one.
    /// </summary>
    private void DeleteOtherGenerations(string folder, string keep)
    {
        var older = Directory.EnumerateDirectories(folder, "gen-*")
            .Where(d => string.CompareOrdinal(Path.GetFileName(d), keep) < 0 && !StillBuilding(d));
        foreach (var old in older)
        {
            DeleteQuietly(old);
        }
    }

    private void DeleteQuietly(string generationFolder)
    {
        try
        {
            Directory.Delete(generationFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogDebug(e, "Could not delete the index generation {Folder}", generationFolder);
        }
    }

    private static bool StillBuilding(string generationFolder)
    {
        var marker = new FileInfo(Path.Combine(generationFolder, BuildingMarker));
        return marker.Exists && DateTime.UtcNow - marker.LastWriteTimeUtc < AbandonedBuildAge;
    }

    public void Dispose()
    {
        current?.Dispose();
        buildLock.Dispose();
    }
}
