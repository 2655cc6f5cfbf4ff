using System.Text.RegularExpressions;

namespace QaService.Host.Evaluation;

/// <summary>The scoring rules of <c>qa_eval.py</c>, the same to the character, so both report the same figures.</summary>
internal static partial class EvalScoring
{
    public const int MaxAnswerCharacters = 600;

    private static readonly HashSet<string> Abbreviations =
    [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "capt", "sgt", "govt", "gov", "vs", "etc", "no", "vol", "fig",
        "approx", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n",
    ];

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

    /// <summary>Correct in the first sentence alone: the answer leads with what was asked.</summary>
    public static bool StrictCorrect(string answer, IReadOnlyList<IReadOnlyList<string>> keys) => AnswerCorrect(FirstSentence(answer), keys);

    /// <summary>
    /// The answer's first sentence: up to its first line break or sentence end (not after an initial such as "U." or
    /// an abbreviation such as "Govt.").
    /// </summary>
    public static string FirstSentence(string answer)
    {
        var line = answer.Trim().Split('\n', 2)[0];
        foreach (Match end in SentenceEnd().Matches(line))
        {
            var before = LastWord().Match(line[..end.Index]);
            var word = before.Success ? before.Groups[1].Value.ToLowerInvariant() : "";
            if (line[end.Index] == '.' && (word.Replace(".", "", StringComparison.Ordinal).Length == 1 || Abbreviations.Contains(word)))
            {
                continue;
            }

            return line[..(end.Index + 1)];
        }

        return line;
    }

    // Python's \w is Unicode letters, digits and underscore.
    [GeneratedRegex(@"[^\w'"" ]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[.!?][""\u201d\u2019)\]]*\s+(?=[""\u201c\u2018(\[]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"([\w.]+)$")]
    private static partial Regex LastWord();
}
