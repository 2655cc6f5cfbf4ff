using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>Whether a sentence opens by pointing back at the one before it: a pronoun, a linking phrase, or a time given there ("Around the same time …").</summary>
public static partial class Anaphora
{
    /// <summary>The answer models' reading (their <c>sentence.opensWithReference</c> feature): it stays as they were trained on.</summary>
    public static bool OpensWithReference(string sentence) => Opening().IsMatch(sentence);

    /// <summary>
    /// Whether the sentence cannot stand alone without the one before: it opens by pointing back, and not with a phrase
    /// that names what it answers or sets itself against ("In response to the strikes, …" stands alone).
    /// </summary>
    public static bool LeansOnPrevious(string sentence) => Opening().IsMatch(sentence) && !NamedReferent().IsMatch(sentence);

    [GeneratedRegex(@"^[“""']?(They|Them|Their|These|Those|This|That|It|Its|He|His|She|Her|Such|Both|In return|In response|In contrast|Similarly|Likewise|Instead|As a result|Consequently|Therefore|Thus|(Around|At|About) (the same|that) time|Then|Later|Earlier|Soon after|Afterwards|That year|The same year|The following year)\b")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^[“""']?(In response to|In contrast to|In return for|Instead of|Similarly to)\b(?!\s+(this|that|these|those|it|them)\b)")]
    private static partial Regex NamedReferent();
}
