using System.Text.RegularExpressions;
using QaService.Retrieval;

namespace QaService.Conversation;

/// <summary>What the model sent back as the standalone question: tidied, then kept only when it reads as one.</summary>
public static partial class StandaloneQuestion
{
    /// <summary>Longer than this, the model has written more than a question.</summary>
    public const int MaxLength = 400;

    /// <summary>The reply without surrounding space, a "Standalone question:" label or quotes around the whole.</summary>
    public static string Clean(string? reply)
    {
        var text = Label().Replace(reply?.Trim() ?? "", "").Trim();
        while (text.Length >= 2 && IsQuote(text[0]) && IsQuote(text[^1]))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    /// <summary>Why <paramref name="standalone"/> cannot stand in for <paramref name="followUp"/>, or null when it can.</summary>
    public static string? Problem(string standalone, string followUp)
    {
        if (standalone.Length == 0)
        {
            return "it is empty";
        }

        if (standalone.Length > MaxLength)
        {
            return $"it is {standalone.Length} characters long";
        }

        if (standalone.Contains('\n', StringComparison.Ordinal))
        {
            return "it runs over several lines";
        }

        // A model that answers instead of rewriting sends a statement back.
        if (followUp.TrimEnd().EndsWith('?') && !standalone.EndsWith('?'))
        {
            return "it is not a question";
        }

        return QuestionAnalyzer.Analyze(standalone).IsEmpty ? "it asks about nothing the documents could hold" : null;
    }

    private static bool IsQuote(char c) => c is '"' or '\'' or '`' or '“' or '”' or '‘' or '’' or '«' or '»';

    [GeneratedRegex(@"^(?:standalone|rewritten|reformulated)?\s*question\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
