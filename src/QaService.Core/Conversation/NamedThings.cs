using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Conversation;

/// <summary>Names in a text: capitalised words that do not start a sentence, and acronyms.</summary>
public static partial class NamedThings
{
    /// <summary>The stems of the names in <paramref name="text"/>, in order, each once.</summary>
    public static IReadOnlyList<string> Stems(string text) =>
        Names(text).SelectMany(m => TextAnalyzer.Instance.Terms(m.Value)).Distinct().ToList();

    /// <summary>Where in <paramref name="text"/> the first name starts, or -1.</summary>
    public static int FirstIndex(string text) => Names(text).Select(m => m.Index).DefaultIfEmpty(-1).First();

    private static IEnumerable<Match> Names(string text) =>
        Word().Matches(text).Where(word => char.IsUpper(word.Value[0]) && (!StartsSentence(text, word.Index) || IsAcronym(word.Value)));

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool StartsSentence(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '(' or ')')
            {
                continue;
            }

            return c is '.' or '!' or '?' or ':';
        }

        return true;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’.-]*")]
    private static partial Regex Word();
}
