using Lucene.Net.Analysis;

namespace QaService.Text;

/// <summary>
/// Rewrites number words as digits ("twelve" → "12") so "twelve-day" and "12-day" meet.
/// </summary>
internal sealed class NumberWordFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override string? Rewrite(string text) => NumberWords.GetValueOrDefault(text);

    public static bool TryGetValue(string word, out int value)
    {
        if (NumberWords.TryGetValue(word, out var digits))
        {
            value = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        value = 0;
        return false;
    }

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["thirteen"] = "13",
        ["fourteen"] = "14", ["fifteen"] = "15", ["sixteen"] = "16", ["seventeen"] = "17", ["eighteen"] = "18",
        ["nineteen"] = "19", ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100",
        ["thousand"] = "1000", ["million"] = "1000000", ["billion"] = "1000000000",
    };
}
