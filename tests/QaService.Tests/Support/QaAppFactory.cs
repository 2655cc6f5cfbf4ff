using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaService.Tests.Support;

/// <summary>
/// The real web host in memory, over its own index folder in a fresh temp folder that is deleted with the factory.
/// Extra settings (any configuration key, e.g. <c>Documents:Sources:0:Path</c>) override appsettings.json; extra
/// services replace the app's; everything the app logs is kept in <see cref="Logs"/>. Each test builds its own.
/// </summary>
public sealed class QaAppFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string?> settings = new(settings ?? new Dictionary<string, string?>());
    private readonly List<Action<IServiceCollection>> serviceChanges = [];

    public CapturedLogs Logs { get; } = new();

    public string IndexPath => Path.Combine(folder.Path, "index");

    public QaAppFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public QaAppFactory WithServices(Action<IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings go in as host settings: they are read early enough for what the app decides while it registers
        // its services (Retrieval:Dense), which app configuration added here would be too late for.
        builder.UseSetting("Index:Path", IndexPath);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

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
