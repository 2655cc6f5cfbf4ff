using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QaService.Tests.Support;

/// <summary>
/// The real web host in memory, over its own index folder in a fresh temp folder that is deleted with the factory.
/// Extra settings (any configuration key) override appsettings.json, e.g. <c>Documents:Sources:0:Path</c>.
/// </summary>
public sealed class QaAppFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();

    public string IndexPath => Path.Combine(folder.Path, "index");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Index:Path", IndexPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }
}
