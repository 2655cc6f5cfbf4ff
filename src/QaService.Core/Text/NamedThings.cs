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

    /// <summary>
    /// The heads of the names written the way people's are, in order: two or more capitalised words, a sentence's
    /// first word included ("Ilse Marren founded …"), with honorifics, initials and particles ("Dr. Ilse Marren",
    /// "John F. Kennedy", "Ludwig van Beethoven"), a generational suffix left off ("King Jr." is King). A name that
    /// follows an article or starts with one ("the Velmora City Council") names a thing, and one that ends in an
    /// acronym ("Velmora FC") an organisation.
    /// </summary>
    public static IReadOnlyList<string> PersonNameHeads(string text)
    {
        var heads = new List<string>();
        var run = new List<Match>();
        foreach (Match word in Word().Matches(text))
        {
            var continues = run.Count > 0 && string.IsNullOrWhiteSpace(text[(run[^1].Index + run[^1].Length)..word.Index]);
            if (char.IsUpper(word.Value[0]) || (continues && Particle().IsMatch(word.Value)))
            {
                if (!continues)
                {
                    AddPerson(text, run, heads);
                    run.Clear();
                }

                run.Add(word);
            }
            else
            {
                AddPerson(text, run, heads);
                run.Clear();
            }
        }

        AddPerson(text, run, heads);
        return heads.Distinct().ToList();
    }

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

    private static void AddPerson(string text, List<Match> run, List<string> heads)
    {
        var words = run.Select(m => m.Value).ToList();
        while (words.Count > 0 && (Particle().IsMatch(words[^1]) || Suffix().IsMatch(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        var before = run.Count > 0 ? text[..run[0].Index].TrimEnd() : "";
        var afterArticle = Article().IsMatch(before) || (words.Count > 0 && Article().IsMatch(" " + words[0]));
        if (words.Count(w => char.IsUpper(w[0])) >= 2 && !IsAcronym(words[^1]) && !afterArticle)
        {
            heads.AddRange(TextAnalyzer.Instance.Terms(words[^1]));
        }
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

    [GeneratedRegex(@"^(van|von|der|den|de|da|del|di|du|la|le|bin|ibn|al)$")]
    private static partial Regex Particle();

    [GeneratedRegex(@"^(Jr\.?|Sr\.?|II|III|IV)$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(?i)(^|\s)(the|a|an)$")]
    private static partial Regex Article();
}
