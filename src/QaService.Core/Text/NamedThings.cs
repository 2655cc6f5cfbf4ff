using System.Text.RegularExpressions;

namespace QaService.Text;

/// <summary>
/// Names in a text: runs of capitalised words that do not start a sentence ("Velmora Harbour Bridge"), and acronyms.
/// </summary>
public static partial class NamedThings
{
    /// <summary>The stems of every word of every name in <paramref name="text"/>, each once.</summary>
    public static IReadOnlyList<string> Stems(string text) =>
        Phrases(text).SelectMany(phrase => phrase).SelectMany(TextAnalyzer.Instance.Terms).Distinct().ToList();

    /// <summary>
    /// The stem of the last word of each name, its head in English ("bridg" for "the Velmora Harbour Bridge", "marren"
    /// for "Ilse Marren"): what a later "it" or "she" most likely stands for.
    /// </summary>
    public static IReadOnlyList<string> Heads(string text) =>
        Phrases(text).SelectMany(phrase => TextAnalyzer.Instance.Terms(phrase[^1])).Distinct().ToList();

    /// <summary>The heads of the names of two words or more, none an acronym: people named in full ("Ilse Marren").</summary>
    public static IReadOnlyList<string> FullNameHeads(string text) =>
        Phrases(text).Where(phrase => phrase.Count >= 2 && !phrase.Any(IsAcronym))
            .SelectMany(phrase => TextAnalyzer.Instance.Terms(phrase[^1])).Distinct().ToList();

    /// <summary>Where in <paramref name="text"/> the first name starts, or -1.</summary>
    public static int FirstIndex(string text) => Names(text).Select(m => m.Index).DefaultIfEmpty(-1).First();

    private static List<List<string>> Phrases(string text)
    {
        var phrases = new List<List<string>>();
        var end = -1;
        foreach (var name in Names(text))
        {
            var adjacent = end >= 0 && string.IsNullOrWhiteSpace(text[end..name.Index]);
            if (adjacent)
            {
                phrases[^1].Add(name.Value);
            }
            else
            {
                phrases.Add([name.Value]);
            }

            end = name.Index + name.Length;
        }

        return phrases;
    }

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
