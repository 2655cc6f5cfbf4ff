using QaService.Host.Cli;
using QaService.Indexing;

namespace QaService.Host.Evaluation;

/// <summary>
/// A console host over one document with its own temporary index, for scoring or training one document at a time.
/// A null <paramref name="documentPath"/> means the built-in article.
/// </summary>
internal sealed class DocumentHost : IDisposable
{
    private readonly IHost host;
    private readonly string indexFolder;

    private DocumentHost(IHost host, string indexFolder, IndexSnapshot snapshot)
    {
        this.host = host;
        this.indexFolder = indexFolder;
        Snapshot = snapshot;
    }

    public IServiceProvider Services => host.Services;

    public IndexSnapshot Snapshot { get; }

    public static async Task<DocumentHost> StartAsync(string? documentPath, IReadOnlyList<string> configurationArgs, CancellationToken cancellationToken)
    {
        var indexFolder = Path.Combine(Path.GetTempPath(), $"qaservice-{Guid.NewGuid():N}");
        var args = configurationArgs.ToList();
        args.Add($"--Index:Path={indexFolder}");
        if (documentPath is not null)
        {
            args.Add("--Documents:IncludeBuiltIn=false");
            args.Add($"--Documents:Sources:0:Path={Path.GetFullPath(documentPath)}");
        }

        var host = ConsoleHost.Build(args);
        try
        {
            var owner = host.Services.GetRequiredService<IndexOwner>();
            await owner.EnsureAsync(force: true, progress: null, cancellationToken);
            return new DocumentHost(host, indexFolder, await owner.GetReadyAsync(cancellationToken));
        }
        catch
        {
            host.Dispose();
            TryDelete(indexFolder);
            throw;
        }
    }

    public void Dispose()
    {
        host.Dispose();
        TryDelete(indexFolder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
