using System.Text.RegularExpressions;

namespace QaService.Answering.Learning;

/// <summary>
/// Whether a text holds a word that negates a clause. The search analyzer drops "not" and "no" as stop words, so without this a
/// question that negates what a sentence states matches it as well as the question that does not.
/// </summary>
internal static partial class Negation
{
    public static bool In(string text) => Word().IsMatch(text);

    [GeneratedRegex(@"\b(not|no|never|none|nothing|nobody|nowhere|neither|nor|without|cannot)\b|n't\b|n’t\b", RegexOptions.IgnoreCase)]
    private static partial Regex Word();
}
