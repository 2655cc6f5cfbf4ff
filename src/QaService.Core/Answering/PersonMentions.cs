using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Answering;

/// <summary>
/// Whether a sentence names a person: a title before a capitalised name ("President Trump", "Ayatollah Ali Khamenei"),
/// or two or three capitalised words in a row that are not a place, a body or a thing ("Donald Trump", but not
/// "Saudi Arabia", "the West Bank" or "Indus Water Treaty"). A heuristic without a name list: it errs towards seeing a
/// person, so that a question asking for one is refused only when no sentence near the top can answer it.
/// </summary>
public static partial class PersonMentions
{
    public static bool In(string sentence) =>
        Titled().IsMatch(sentence) || NameRun().Matches(sentence).Any(m => !IsThing(m.Value) && !IsPlaceOrThing(sentence, m.Index));

    private static bool IsThing(string run) =>
        run.Split(' ').Any(w => NotAPersonWord().IsMatch(w) || PlaceNames.Words.Contains(w.ToLowerInvariant()));

    // "the West Bank" is a thing and "in Khyber Pakhtunkhwa" a place, whatever their words.
    private static bool IsPlaceOrThing(string sentence, int index) => LocativeOrArticle().IsMatch(sentence.AsSpan(0, index));

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|Ayatollah|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|King|Queen|Prince|Sheikh|Senator|Secretary|Chancellor|Governor|Mayor|Judge|Ambassador|Commander|Colonel|Marshal|Pope|Imam|Cardinal)\s+[A-Z][a-z]+")]
    private static partial Regex Titled();

    [GeneratedRegex(@"\b(the|in|at|from|near|into|across)\s$", RegexOptions.IgnoreCase)]
    private static partial Regex LocativeOrArticle();

    [GeneratedRegex(@"(?<![\p{L}-])[A-Z][a-z]+(\s[A-Z][a-z]+){1,2}(?![\p{L}-])")]
    private static partial Regex NameRun();

    [GeneratedRegex(@"^(The|A|An|In|On|At|Of|For|By|During|After|Before|Since|Despite|However|Operation|Treaty|Accords?|Corridor|Front|Bureau|Agency|Ministry|Council|Union|Nations|Party|Army|Forces?|Bank|Sea|Gulf|Ocean|River|Valley|Province|State|States|Republic|Kingdom|Islands?|Strait|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")]
    private static partial Regex NotAPersonWord();
}
