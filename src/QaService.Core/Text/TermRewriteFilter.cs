using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace QaService.Text;

/// <summary>A token filter that rewrites some terms one by one and passes the rest unchanged.</summary>
internal abstract class TermRewriteFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    protected TermRewriteFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>The term to put in place of <paramref name="text"/>, or null to keep it.</summary>
    protected abstract string? Rewrite(string text);

    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (Rewrite(term.ToString()) is { } rewritten)
        {
            term.SetEmpty().Append(rewritten);
        }

        return true;
    }
}
