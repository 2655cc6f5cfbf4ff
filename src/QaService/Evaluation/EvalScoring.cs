using System.Text.RegularExpressions;

namespace QaService.Host.Evaluation;

/// <summary>The scoring rules of <c>qa_eval.py</c>, the same to the character, so both report the same figures.</summary>
internal static partial class EvalScoring
{
    public const int MaxAnswerCharacters = 600;

    public static string Normalize(string text)
    {
        text = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'')
            .Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u2014', ' ').Replace('\u2013', ' ');
        return Spaces().Replace(NonWord().Replace(text, " "), " ").Trim();
    }

    public static HashSet<string> Tokens(string text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>A citation hits when it contains a gold sentence, or is a piece of one covering half its words.</summary>
    public static bool CitesGold(string citation, IReadOnlyList<string> gold)
    {
        var c = Normalize(citation);
        foreach (var g in gold)
        {
            var gn = Normalize(g);
            if (gn.Length > 0 && c.Contains(gn, StringComparison.Ordinal))
            {
                return true;
            }

            if (c.Length > 0 && gn.Contains(c, StringComparison.Ordinal)
                && Tokens(c).Intersect(Tokens(gn)).Count() >= 0.5 * Tokens(gn).Count)
            {
                return true;
            }
        }

        return false;
    }

    public static bool AnswerCorrect(string answer, IReadOnlyList<IReadOnlyList<string>> keys)
    {
        var a = Normalize(answer);
        return answer.Length <= MaxAnswerCharacters
            && keys.All(group => group.Any(alternative => a.Contains(Normalize(alternative), StringComparison.Ordinal)));
    }

    // Python's \w is Unicode letters, digits and underscore.
    [GeneratedRegex(@"[^\w'"" ]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
