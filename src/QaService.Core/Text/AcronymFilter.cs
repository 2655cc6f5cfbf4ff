using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace QaService.Text;

/// <summary>
/// Drops the dots of acronyms ("U.S." → "US"), and reads "US" as the country only when it is written as one (in
/// capitals or with dots), so the pronoun "us" stays a pronoun. Runs before lower-casing, which would hide the difference.
/// </summary>
internal sealed class AcronymFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public AcronymFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var text = term.ToString();
        var dotted = text.Contains('.', StringComparison.Ordinal) && !char.IsDigit(text[0]);
        if (dotted)
        {
            text = text.Replace(".", "", StringComparison.Ordinal);
            term.SetEmpty().Append(text);
        }

        if (text is "US" || (dotted && text.Equals("us", StringComparison.OrdinalIgnoreCase)))
        {
            term.SetEmpty().Append("USA");
        }

        return true;
    }
}
