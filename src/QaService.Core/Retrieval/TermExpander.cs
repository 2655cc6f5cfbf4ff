using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>
/// Maps a question's stems that the corpus never uses to close stems it does use: other forms of a word that the
/// stemmer keeps apart ("palestin" → "palestinian", "pakistani" → "pakistan") and one-letter typos
/// ("ultimatli" → "ultim…" is not matched, "articl" → "articl" is). Matches carry a lower weight than exact terms.
/// </summary>
public static class TermExpander
{
    public const float RelatedWeight = 0.8f;
    private const int MinimumLength = 5;

    public static IReadOnlyList<WeightedTerm> Expand(Corpus corpus, IReadOnlyList<WeightedTerm> terms)
    {
        var expanded = new List<WeightedTerm>(terms.Count);
        foreach (var term in terms)
        {
            if (corpus.KnownTerms.Contains(term.Term) || term.Term.Length < MinimumLength)
            {
                expanded.Add(term);
                continue;
            }

            var related = corpus.TermsWithPrefix(term.Term[..MinimumLength]).Where(t => AreRelated(term.Term, t)).ToList();
            if (related.Count == 0)
            {
                expanded.Add(term);
            }

            expanded.AddRange(related.Select(t => new WeightedTerm(t, term.Weight * RelatedWeight)));
        }

        return expanded.DistinctBy(t => t.Term).ToList();
    }

    /// <summary>One stem extends the other by a short suffix, or they differ by one edit.</summary>
    public static bool AreRelated(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.StartsWith(shorter, StringComparison.Ordinal) && longer.Length - shorter.Length <= 4)
        {
            return true;
        }

        var common = 0;
        while (common < shorter.Length && shorter[common] == longer[common])
        {
            common++;
        }

        return (common >= 6 && longer.Length - common <= 2 && shorter.Length - common <= 2) || IsOneEditApart(shorter, longer);
    }

    private static bool IsOneEditApart(string shorter, string longer)
    {
        if (longer.Length - shorter.Length > 1)
        {
            return false;
        }

        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return shorter.Length == longer.Length
            ? shorter.AsSpan(i + 1).SequenceEqual(longer.AsSpan(i + 1))
                || (i + 1 < shorter.Length && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i] && shorter.AsSpan(i + 2).SequenceEqual(longer.AsSpan(i + 2)))
            : shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }
}
