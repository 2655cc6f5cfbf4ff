using System.CommandLine;

namespace QaService.Host.Cli;

/// <summary>The configuration arguments a command hands to its host: the unmatched <c>--Key=value</c> tokens, plus <c>--offline</c>.</summary>
internal static class HostArguments
{
    /// <summary>Global: no language model, so no outbound connection, whatever the configuration says.</summary>
    public static Option<bool> Offline { get; } = new("--offline")
    {
        Description = "Answer extractively only and never connect to a language model (sets Llm:Provider=None).",
        Recursive = true,
    };

    public static List<string> From(ParseResult parse) => From(parse, parse.UnmatchedTokens);

    public static List<string> From(ParseResult parse, IEnumerable<string> settings)
    {
        var args = settings.ToList();
        if (parse.GetValue(Offline))
        {
            // Last, so it wins over the same key given earlier on the command line or in any other source.
            args.Add("--Llm:Provider=None");
        }

        return args;
    }
}
