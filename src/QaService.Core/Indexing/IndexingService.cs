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
        catch (Exception e) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a build cut short (cancelled, or the embedding model's run aborted) is no failure.
            logger.LogDebug(e, "Index build stopped with the host");
        }
        catch (Exception e)
        {
            logger.LogCritical("The index could not be built, so QaService cannot answer: {Reason}", e.Message);
            Environment.ExitCode = 1;

            // Stopped while it is still starting, the host cancels the web server's start and reports that as a start
            // failure with a stack trace; once started, it stops cleanly.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
    }
}
