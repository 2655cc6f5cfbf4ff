using System.Buffers;
using System.Globalization;
using System.Text;

namespace QaService.Text;

/// <summary>
/// Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, direction marks, tag
/// characters). Text pasted from the web carries them inside words, where the standard tokenizer keeps them or breaks
/// the word ("Pez\u00ADeshkian" would never match "Pezeshkian"), so they are taken out before analysis.
/// </summary>
public static class FormatCharacters
{
    // Every Cf character of the basic plane, and the high surrogates that may start one beyond it.
    private static readonly SearchValues<char> MayStartOne = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsHighSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)]);

    /// <summary><paramref name="text"/> without its format characters: the same string when it has none.</summary>
    public static string Strip(string text)
    {
        var first = text.AsSpan().IndexOfAny(MayStartOne);
        if (first < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length).Append(text, 0, first);
        foreach (var rune in text.AsSpan(first).EnumerateRunes())
        {
            if (!Is(rune))
            {
                kept.Append(rune);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }

    public static bool Is(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
}
