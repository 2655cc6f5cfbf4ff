using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace QaService.Text;

/// <summary>
/// Country adjectives, other names and capitals as the country itself ("Iranian", "Tehran" → iran; "American",
/// "United States", "Washington" → usa), so a question that says "the American role" meets an article that says "the
/// US intervention". Applied to lower-cased tokens at index and query time alike.
/// </summary>
internal static class PlaceNames
{
    // Each country with its adjectives and demonyms, and its capital, which news writing uses for its government
    // ("Islamabad and Tehran agreed …").
    private static readonly (string Country, string Names)[] Countries =
    [
        ("usa", "american americans america usa united states washington"),
        ("uk", "british briton britons britain united kingdom london"),
        ("afghanistan", "afghan afghans kabul"),
        ("bangladesh", "bangladeshi bangladeshis dhaka"),
        ("china", "chinese beijing"),
        ("egypt", "egyptian egyptians cairo"),
        ("france", "french paris"),
        ("germany", "german germans berlin"),
        ("india", "indian indians new delhi indo"),
        ("iran", "iranian iranians tehran"),
        ("iraq", "iraqi iraqis baghdad"),
        ("israel", "israeli israelis"),
        ("japan", "japanese tokyo"),
        ("jordan", "jordanian jordanians amman"),
        ("kashmir", "kashmiri kashmiris"),
        ("lebanon", "lebanese beirut"),
        ("pakistan", "pakistani pakistanis islamabad pak"),
        ("palestine", "palestinian palestinians"),
        ("qatar", "qatari qataris doha"),
        ("russia", "russian russians moscow kremlin"),
        ("saudi", "saudis riyadh"),
        ("syria", "syrian syrians damascus"),
        ("turkey", "turkish turks ankara"),
        ("ukraine", "ukrainian ukrainians kyiv kiev"),
        ("yemen", "yemeni yemenis sanaa"),
        ("europe", "european europeans brussels"),
    ];

    private static readonly string[] MultiWordNames = ["united states", "united kingdom", "new delhi"];

    // Declared after the lists they are built from: static fields are initialised in order.
    public static SynonymMap Map { get; } = Build();

    /// <summary>Every single word of every country name, adjective and capital, lower case ("saudi", "tehran").</summary>
    public static IReadOnlySet<string> Words { get; } =
        Countries.SelectMany(c => $"{c.Country} {c.Names}".Split(' ')).ToHashSet(StringComparer.Ordinal);

    private static SynonymMap Build()
    {
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (country, names) in Countries)
        {
            var spaced = MultiWordNames.Aggregate(names, (all, name) => all.Replace(name, name.Replace(' ', '_'), StringComparison.Ordinal));
            foreach (var name in spaced.Split(' ').Where(n => n != country))
            {
                var input = SynonymMap.Builder.Join(name.Split('_'), new CharsRef());
                builder.Add(input, new CharsRef(country), includeOrig: false);
            }
        }

        return builder.Build();
    }
}
