using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QaService.Tests.Support;

/// <summary>
/// One QaService host in memory, with its own temp index folder and any extra configuration (documents,
/// conversation store). Each test builds its own.
/// </summary>
public sealed class QaServiceFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly TempFolder indexFolder = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Index:Path", indexFolder.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            indexFolder.Dispose();
        }
    }
}
