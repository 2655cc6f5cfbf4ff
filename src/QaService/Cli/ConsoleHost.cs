using Microsoft.Extensions.Options;

namespace QaService.Host.Cli;

/// <summary>The generic host behind the console commands: same configuration and pipeline as <c>serve</c>, no web server.</summary>
internal static class ConsoleHost
{
    public static IHost Build(IEnumerable<string> configurationArgs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs.ToArray(),
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        ProgramFiles.AddAppSettingsBesideTheBinary(builder.Configuration, builder.Environment.ContentRootPath);
        UserSecrets.AddInEveryEnvironment(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);

        // Each retry of the language model is a warning with a stack trace; in a console the fallback line says enough.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Services.AddQaCore(builder.Configuration);
        var host = builder.Build();

        // Console commands never start the host, so run the start-up validation of options here.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
