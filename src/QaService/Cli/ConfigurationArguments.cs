using Lucene.Net.Util.Automaton;
using QaService.Answering;
using QaService.Conversation;
using QaService.Documents;
using QaService.Generation;
using QaService.Host.Web;
using QaService.Host.Web.OpenAi;
using QaService.Indexing;
using QaService.Ingestion;
using QaService.Retrieval;

namespace QaService.Host.Cli;

/// <summary>
/// The tokens a command does not know go to configuration, written <c>--Section:Key=Value</c> or
/// <c>--Section:Key value</c>. Anything else is a typo the user should hear about, not a setting silently ignored.
/// </summary>
internal static class ConfigurationArguments
{
    /// <summary>Host settings that have no section.</summary>
    private static readonly string[] HostKeys = ["urls", "environment", "contentRoot", "applicationName", "AllowedHosts"];

    private const int ShortSection = 5;

    /// <summary>The sections QaService reads, and the host's own that people set most.</summary>
    private static readonly string[] KnownSections =
    [
        DocumentsOptions.SectionName, ChunkingOptions.SectionName, IndexOptions.SectionName, RetrievalOptions.SectionName,
        AnsweringOptions.SectionName, LlmOptions.SectionName, GenerationOptions.SectionName, ConversationStoreOptions.SectionName,
        AskRateLimitOptions.SectionName, OpenAiOptions.SectionName, "Logging", "Kestrel",
    ];

    public static string? FindMistake(IReadOnlyList<string> tokens)
    {
        var (settings, others) = Split(tokens);
        if (others is [var token, ..])
        {
            return Mistake(token);
        }

        return settings.Where(s => s.StartsWith("--", StringComparison.Ordinal)).Select(MisspeltSection).FirstOrDefault(m => m is not null);
    }

    /// <summary>
    /// A section one or two letters away from a known one (<c>--Retreival:TopK=3</c>) is a typo: every section is read
    /// only by name, so it would be silently ignored. Sections further away may belong to the host or a library, and
    /// near a short name (<c>Llm</c>, <c>Index</c>) only one letter away counts: "Log" and "Indexer" are other words.
    /// </summary>
    private static string? MisspeltSection(string token)
    {
        var section = token[2..].Split(':', '=')[0];
        if (KnownSections.Contains(section, StringComparer.OrdinalIgnoreCase) || HostKeys.Contains(section, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var near = KnownSections.FirstOrDefault(known => WithinEdits(section, known, known.Length <= ShortSection ? 1 : 2));
        return near is null ? null : $"Unknown settings section '{section}' in '{token.Split('=')[0]}'; did you mean '{near}'?";
    }

    /// <summary>Whether at most <paramref name="edits"/> edits (insert, delete, replace, swap two neighbours) turn one word into the other.</summary>
    private static bool WithinEdits(string word, string known, int edits) =>
        BasicOperations.Run(new LevenshteinAutomata(known.ToLowerInvariant(), withTranspositions: true).ToAutomaton(edits), word.ToLowerInvariant());

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
