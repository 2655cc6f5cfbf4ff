using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace QaService.Text;

/// <summary>
/// Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, direction marks, tag
/// characters) as a Lucene character map that deletes them. Text pasted from the web carries them inside words, where
/// the standard tokenizer keeps them ("Pez\u00ADeshkian" would never match "Pezeshkian"); deleting them in a character
/// filter keeps every token's offsets pointing at the original text.
/// </summary>
public static class FormatCharacters
{
    public static NormalizeCharMap Deletion { get; } = Build();

    private static NormalizeCharMap Build()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            if (Rune.IsValid(value) && Rune.GetUnicodeCategory(new Rune(value)) == UnicodeCategory.Format)
            {
                builder.Add(new Rune(value).ToString(), string.Empty);
            }
        }

        return builder.Build();
    }
}
