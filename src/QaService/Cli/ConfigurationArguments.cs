namespace QaService.Host.Cli;

/// <summary>
/// The tokens a command does not know go to configuration, written <c>--Section:Key=Value</c> or
/// <c>--Section:Key value</c>. Anything else is a typo the user should hear about, not a setting silently ignored.
/// </summary>
internal static class ConfigurationArguments
{
    /// <summary>Host settings that have no section.</summary>
    private static readonly string[] HostKeys = ["urls", "environment", "contentRoot", "applicationName", "AllowedHosts"];

    public static string? FindMistake(IReadOnlyList<string> tokens) =>
        Split(tokens).Others is [var token, ..] ? Mistake(token) : null;

    public static string Mistake(string token) => token.StartsWith('-')
        ? $"Unknown option '{token.Split('=')[0]}'. Settings are given as --Section:Key=Value; run with --help for the options."
        : $"Unrecognized command or argument '{token}'. Run with --help for usage.";

    /// <summary>The tokens that are settings, and the others, each in the order given.</summary>
    public static (IReadOnlyList<string> Settings, IReadOnlyList<string> Others) Split(IReadOnlyList<string> tokens)
    {
        var settings = new List<string>();
        var others = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isKey = token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal);
            if (isKey && token.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(token);
            }
            else if (isKey && i + 1 < tokens.Count && IsSettingName(token[2..]))
            {
                // "--Key value" is taken as a setting only when it names one, so a mistyped option does not swallow the next word.
                settings.Add(token);
                settings.Add(tokens[++i]);
            }
            else
            {
                others.Add(token);
            }
        }

        return (settings, others);
    }

    private static bool IsSettingName(string name) =>
        name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase);
}
