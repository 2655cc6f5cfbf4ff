using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace QaService.Host;

internal static class UserSecrets
{
    /// <summary>
    /// The default builders read user secrets only in Development, but the LLM key belongs there in any environment.
    /// They go just below the environment variables and the command line, which still override them.
    /// </summary>
    public static void AddInEveryEnvironment(IConfigurationBuilder configuration)
    {
        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(UserSecrets).Assembly, optional: true).Sources;
        var sources = configuration.Sources;
        if (sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>().Any(s => s.Path == "secrets.json"))
        {
            return;
        }

        var environment = sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        foreach (var source in secrets)
        {
            sources.Insert(environment < 0 ? sources.Count : environment, source);
        }
    }
}
