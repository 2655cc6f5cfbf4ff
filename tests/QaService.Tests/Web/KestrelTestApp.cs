using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaService.Host.Web;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>The app built by its own builder and served by real Kestrel on a free loopback port.</summary>
public sealed class KestrelTestApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempFolder folder;

    private KestrelTestApp(WebApplication app, TempFolder folder, CapturedLogs logs)
    {
        this.app = app;
        this.folder = folder;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The app's own index folder, for a second process to open the same index.</summary>
    public string IndexPath => folder.Path;

    public static async Task<KestrelTestApp> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        var logs = new CapturedLogs();
        var builder = WebApp.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Index:Path"] = folder.Path,
                // The request log (off by default) tells WaitForRequestLogAsync that the server has finished a request.
                ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Information",
            });
        builder.Logging.AddProvider(logs);
        services?.Invoke(builder.Services);

        var app = WebApp.Build(builder);
        await app.StartAsync();
        return new KestrelTestApp(app, folder, logs);
    }

    /// <summary>
    /// Waits for the request log line of <paramref name="path"/>, which is written once the server has finished with
    /// the request, errors included.
    /// </summary>
    public async Task WaitForRequestLogAsync(string path)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (Logs.Entries.Any(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                                      && e.Message.Contains(path, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"The server never finished the request to {path}.");
    }

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="path"/> have been finished and logged.</summary>
    public async Task WaitForRequestLogCountAsync(string path, int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (Logs.Entries.Count(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                                        && e.Message.Contains(path, StringComparison.Ordinal)) >= count)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"The server did not finish {count} requests to {path}.");
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        folder.Dispose();
    }
}
