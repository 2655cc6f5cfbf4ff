using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace QaService.Host;

/// <summary>
/// The settings that travel with the binary. A working folder with its own <c>appsettings.json</c> (the repository
/// root, where <c>dotnet run</c> starts) is read as always; from any other folder the copy beside the binary is read
/// in its place, so a binary started elsewhere keeps its logging levels and defaults.
/// </summary>
internal static class ProgramFiles
{
    private const string AppSettings = "appsettings.json";

    public static void AddAppSettingsBesideTheBinary(IConfigurationBuilder configuration, string contentRoot)
    {
        var sources = configuration.Sources;
        var inContentRoot = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: AppSettings });
        if (inContentRoot < 0 || File.Exists(Path.Combine(contentRoot, AppSettings)) || !File.Exists(Path.Combine(AppContext.BaseDirectory, AppSettings)))
        {
            return;
        }

        sources.Insert(inContentRoot + 1, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = AppSettings,
            Optional = true,
        });
    }
}
