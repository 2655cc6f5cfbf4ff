using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>Whether a sentence opens by pointing back at the one before it: a pronoun or a linking phrase.</summary>
public static partial class Anaphora
{
    public static bool OpensWithReference(string sentence) => Opening().IsMatch(sentence);

    [GeneratedRegex(@"^[“""']?(They|Them|Their|These|Those|This|That|It|Its|He|His|She|Her|Such|Both|In return|In response|In contrast|Similarly|Likewise|Instead|As a result|Consequently|Therefore|Thus)\b")]
    private static partial Regex Opening();
}
