using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace QaService.Text;

/// <summary>
/// Past forms of common irregular English verbs stemmed as the verb itself ("fought" → fight, "shot" → shoot), which
/// the Porter stemmer cannot do, so "the war was fought in the air" meets "where was the fighting?".
/// </summary>
internal static class IrregularVerbs
{
    // Base form, then its past forms.
    private static readonly string[] Verbs =
    [
        "arise arose arisen", "bear bore borne", "beat beaten", "become became", "begin began begun", "bite bit bitten",
        "bleed bled", "blow blew blown", "break broke broken", "bring brought", "build built", "buy bought",
        "catch caught", "choose chose chosen", "come came", "deal dealt", "dig dug", "draw drew drawn", "drive drove driven",
        "eat ate eaten", "fall fell fallen", "feed fed", "feel felt", "fight fought", "find found", "flee fled",
        "fly flew flown", "forbid forbade forbidden", "forget forgot forgotten", "forgive forgave forgiven",
        "freeze froze frozen", "get got gotten", "give gave given", "go went gone", "grow grew grown", "hang hung",
        "hear heard", "hide hid hidden", "hold held", "keep kept", "know knew known", "lead led", "leave left",
        "lend lent", "lose lost", "make made", "mean meant", "meet met", "overthrow overthrew overthrown", "pay paid",
        "ride rode ridden", "rise rose risen", "run ran", "say said", "see saw seen", "seek sought", "sell sold",
        "send sent", "shake shook shaken", "shoot shot", "show shown", "shrink shrank shrunk", "sink sank sunk",
        "slay slew slain", "speak spoke spoken", "spend spent", "stand stood", "steal stole stolen", "stick stuck",
        "strike struck stricken", "strive strove striven", "swear swore sworn", "take took taken", "teach taught",
        "tear tore torn", "tell told", "think thought", "throw threw thrown", "understand understood", "uphold upheld",
        "wake woke woken", "wear wore worn", "win won", "withdraw withdrew withdrawn", "write wrote written",
    ];

    private static readonly HashSet<string> PastForms = Verbs.SelectMany(v => v.Split(' ').Skip(1)).ToHashSet(StringComparer.Ordinal);

    public static StemmerOverrideFilter.StemmerOverrideMap Map { get; } = Build();

    /// <summary>Whether a lower-case word is the past form of an irregular verb ("gave", "fought").</summary>
    public static bool IsPastForm(string word) => PastForms.Contains(word);

    private static StemmerOverrideFilter.StemmerOverrideMap Build()
    {
        // Porter's stem of each base form ("leave" → leav), so past and present forms meet.
        using var porter = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
        });
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var forms in Verbs.Select(v => v.Split(' ')))
        {
            var stem = Stem(porter, forms[0]);
            foreach (var past in forms.Skip(1))
            {
                builder.Add(past, stem);
            }
        }

        return builder.Build();
    }

    private static string Stem(Analyzer porter, string word)
    {
        using var stream = porter.GetTokenStream("word", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : word;
        stream.End();
        return stem;
    }
}
