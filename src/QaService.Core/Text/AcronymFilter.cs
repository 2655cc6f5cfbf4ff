using Lucene.Net.Analysis;

namespace QaService.Text;

/// <summary>
/// Drops the dots of acronyms ("U.S." → "US"), and reads "US" as the country only when it is written as one (in
/// capitals or with dots), so the pronoun "us" stays a pronoun. Runs before lower-casing, which would hide the difference.
/// </summary>
internal sealed class AcronymFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override string? Rewrite(string text)
    {
        var dotted = text.Contains('.', StringComparison.Ordinal) && !char.IsDigit(text[0]);
        var plain = dotted ? text.Replace(".", "", StringComparison.Ordinal) : text;
        if (plain is "US" || (dotted && plain.Equals("us", StringComparison.OrdinalIgnoreCase)))
        {
            return "USA";
        }

        return dotted ? plain : null;
    }
}
