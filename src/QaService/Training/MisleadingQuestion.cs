using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;

namespace QaService.Host.Training;

/// <summary>
/// Rewrites an answerable question into one that looks answerable and is not, as SQuAD 2.0's writers did by hand:
/// another name from the document in place of one of the question's ("When did Chopin die?" becomes "When did Liszt
/// die?"), or, when it names nothing, a negation ("What was not …"). Trained on such questions, the answer-or-abstain
/// models learn what a misleading question looks like from every document, not only from those whose writers wrote some.
/// </summary>
internal static partial class MisleadingQuestion
{
    // Swapped-in names come from the document's most frequent ones: a rare name is easy to tell apart.
    private const int FrequentNames = 20;

    /// <summary>Capitalised words that do not start a sentence, most frequent first.</summary>
    public static List<string> NamesIn(IEnumerable<string> texts) =>
        texts.SelectMany(text => Name().Matches(text).Select(m => m.Value))
            .GroupBy(name => name)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

    /// <summary>
    /// The rewritten question, or null when it has neither a name to swap nor a verb to negate. Which name goes and
    /// which comes follow from the question's hash, so training is reproducible.
    /// </summary>
    /// <param name="otherNames">The document's names, most frequent first, without those of the sentences that answer it.</param>
    public static string? Of(string question, IReadOnlyList<string> otherNames)
    {
        var names = Name().Matches(question).ToList();
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(question));
        var replacements = otherNames.Where(n => !question.Contains(n, StringComparison.Ordinal)).ToList();
        if (names.Count > 0 && replacements.Count > 0)
        {
            var swapped = names[(int)(hash % (uint)names.Count)];
            var replacement = replacements[(int)(hash / 7 % (uint)Math.Min(replacements.Count, FrequentNames))];
            return question[..swapped.Index] + replacement + question[(swapped.Index + swapped.Length)..];
        }

        var auxiliary = Auxiliary().Match(question);
        return auxiliary.Success ? question.Insert(auxiliary.Index + auxiliary.Length, " not") : null;
    }

    [GeneratedRegex(@"(?<=\w[,;]?\s+)\b[A-Z][a-z]{2,}\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?:is|was|are|were|did|does|do|can|could|would|will|has|have|had)\b(?=\s+\w)", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliary();
}
