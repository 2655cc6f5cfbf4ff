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
    public static IReadOnlyList<string> PersonNameHeads(string text) =>
        Runs(text, Word().Matches(text).Where(word => char.IsUpper(word.Value[0]) || Particle().IsMatch(word.Value)))
            .SelectMany(run => PersonHead(text, run)).Distinct().ToList();

    /// <summary>Where in <paramref name="text"/> the first name starts, or -1.</summary>
    public static int FirstIndex(string text) => Names(text).Select(m => m.Index).DefaultIfEmpty(-1).First();

    private static IEnumerable<List<string>> Phrases(string text) => Runs(text, Names(text)).Select(run => run.ConvertAll(m => m.Value));

    /// <summary>The words in runs, each run of words with only white space between them.</summary>
    private static List<List<Match>> Runs(string text, IEnumerable<Match> words)
    {
        var runs = new List<List<Match>>();
        var end = -1;
        foreach (var word in words)
        {
            if (end >= 0 && string.IsNullOrWhiteSpace(text[end..word.Index]))
            {
                runs[^1].Add(word);
            }
            else
            {
                runs.Add([word]);
            }

            end = word.Index + word.Length;
        }

        return runs;
    }

    /// <summary>The head of a run of words when they name a person (see <see cref="PersonNameHeads"/>).</summary>
    private static IReadOnlyList<string> PersonHead(string text, List<Match> run)
    {
        var words = run.ConvertAll(m => m.Value);
        while (words.Count > 0 && (Particle().IsMatch(words[^1]) || Suffix().IsMatch(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        var afterArticle = Article().IsMatch(text[..run[0].Index].TrimEnd()) || (words.Count > 0 && Article().IsMatch(" " + words[0]));
        return words.Count(w => char.IsUpper(w[0])) >= 2 && !IsAcronym(words[^1]) && !afterArticle
            ? TextAnalyzer.Instance.Terms(words[^1])
            : [];
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
