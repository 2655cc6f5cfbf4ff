using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace QaService.Text;

/// <summary>
/// The one English analysis chain used for indexing, querying and sentence matching: standard tokens, possessives
/// dropped, acronyms without dots, lower case, country adjectives as the country, number words as digits, stop words
/// removed, Porter stems (irregular past forms as their verb). Texts reach it without their invisible format
/// characters (<see cref="FormatCharacters"/>): <see cref="Terms"/> and the index writer take them out.
/// </summary>
public sealed class TextAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static TextAnalyzer Instance { get; } = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new AcronymFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new SynonymFilter(stream, PlaceNames.Map, ignoreCase: false);
        stream = new NumberWordFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new StemmerOverrideFilter(stream, IrregularVerbs.Map);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The stems of <paramref name="text"/> in order, stop words removed (and format characters first).</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", FormatCharacters.Strip(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
