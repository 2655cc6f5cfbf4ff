using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace QaService.Indexing;

/// <summary>Builds or reuses the index in the background when the host starts; the host stops if that fails.</summary>
internal sealed class IndexingService(
    IndexOwner owner,
    IHostApplicationLifetime lifetime,
    ILogger<IndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await owner.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical("The index could not be built, so QaService cannot answer: {Reason}", e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
