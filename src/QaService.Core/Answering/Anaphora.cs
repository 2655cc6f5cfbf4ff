using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>Whether a sentence opens by pointing back at the one before it: a pronoun, a linking phrase, or a time given there ("Around the same time …").</summary>
public static partial class Anaphora
{
    public static bool OpensWithReference(string sentence) => Opening().IsMatch(sentence);

    [GeneratedRegex(@"^[“""']?(They|Them|Their|These|Those|This|That|It|Its|He|His|She|Her|Such|Both|In return|In response|In contrast|Similarly|Likewise|Instead|As a result|Consequently|Therefore|Thus|(Around|At|About) (the same|that) time|Then|Later|Earlier|Soon after|Afterwards|That year|The same year|The following year)\b")]
    private static partial Regex Opening();
}
