using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Generation.Support;

/// <summary>
/// Grammatical negations ("not", "n't", "no", "never", "without" …, a closed class of English words) that bear on
/// what another text says: a negation counts only when one of the few words it governs also occurs in the other
/// text. Only whether the count is odd matters: "can not be realised without" says the same as "needs".
/// </summary>
internal static partial class NegationCues
{
    private const int Scope = 4;

    public static bool IsNegatedAbout(string text, IReadOnlySet<string> otherTerms)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var count = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!Cue().IsMatch(words[i]))
            {
                continue;
            }

            var governed = TextAnalyzer.Instance.Terms(string.Join(' ', words.Skip(i + 1).Take(Scope)));
            if (governed.Any(otherTerms.Contains))
            {
                count++;
            }
        }

        return count % 2 == 1;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|\p{L}+n['’]t)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}
