using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaService.Answering;
using QaService.Indexing;

namespace QaService.Benchmarks;

/// <summary>The real pipeline (over the built-in article unless settings say otherwise), with its index in a temporary folder.</summary>
internal sealed class PipelineHost : IDisposable
{
    private readonly IHost host;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "qaservice-bench", Guid.NewGuid().ToString("N"));

    public PipelineHost(bool dense, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Index:Path"] = folder,
            ["Index:ReadyTimeout"] = "00:10:00",
            ["Retrieval:Dense"] = dense.ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddQaCore(builder.Configuration);
        host = builder.Build();
        Asker = host.Services.GetRequiredService<Asker>();
        Index = host.Services.GetRequiredService<IndexOwner>();
        Snapshot = Index.GetReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public Asker Asker { get; }

    public IndexOwner Index { get; }

    public IndexSnapshot Snapshot { get; }

    public IServiceProvider Services => host.Services;

    public void Dispose()
    {
        host.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
