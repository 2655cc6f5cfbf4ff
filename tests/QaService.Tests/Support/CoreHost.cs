using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaService.Indexing;

namespace QaService.Tests.Support;

/// <summary>
/// The core pipeline in a generic host (no web server), the way the console commands run it: what the index tests
/// start, stop and start again over one index folder.
/// </summary>
public static class CoreHost
{
    public static IHost Build(string contentRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            DisableDefaults = true,
        });
        // As every test host: answer every question unless the test is about abstaining (see TestDefaults).
        builder.Configuration.AddInMemoryCollection([TestDefaults.AnswerEverything]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddQaCore(builder.Configuration).AddIndexingAtStart();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Starts a host over <paramref name="settings"/>, waits for its index and stops it again.</summary>
    public static async Task<IndexBuildReport> StartAndStopAsync(
        string contentRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        using var host = Build(contentRoot, settings, services);
        await host.StartAsync();
        try
        {
            return await host.Services.GetRequiredService<IndexOwner>().StartAsync(CancellationToken.None);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
