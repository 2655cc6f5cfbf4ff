using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>Whether a sentence opens by pointing back at the one before it.</summary>
public static partial class Anaphora
{
    public static bool OpensWithReference(string sentence) => Opening().IsMatch(sentence);

    [GeneratedRegex(@"^[“""']?(They|Them|Their|These|Those|This|That|It|Its|He|His|She|Her|Such|Both)\b")]
    private static partial Regex Opening();
}
