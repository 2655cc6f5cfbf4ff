using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>The real app in memory, with its own temp index folder, extra settings and services, and a readable log.</summary>
public sealed class QaWebFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string?> settings = [];
    private readonly List<Action<IServiceCollection>> serviceChanges = [];

    public CapturedLogs Logs { get; } = new();

    public string IndexPath => folder.Path;

    public QaWebFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public QaWebFactory WithServices(Action<IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(
            new Dictionary<string, string?>(settings) { ["Index:Path"] = folder.Path }));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(services => serviceChanges.ForEach(change => change(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            folder.Dispose();
        }
    }
}
