using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace QaService.Text;

/// <summary>
/// Country adjectives and other names as the country itself ("Iranian" → iran, "American", "United States" → usa), so a
/// question that says "the American role" meets an article that says "the US intervention". Applied to lower-cased
/// tokens at index and query time alike.
/// </summary>
internal static class PlaceNames
{
    private static readonly (string Country, string Names)[] Countries =
    [
        ("usa", "american americans america usa united states"),
        ("uk", "british briton britons britain united kingdom"),
        ("afghanistan", "afghan afghans"),
        ("bangladesh", "bangladeshi bangladeshis"),
        ("china", "chinese"),
        ("egypt", "egyptian egyptians"),
        ("france", "french"),
        ("germany", "german germans"),
        ("india", "indian indians"),
        ("iran", "iranian iranians"),
        ("iraq", "iraqi iraqis"),
        ("israel", "israeli israelis"),
        ("japan", "japanese"),
        ("jordan", "jordanian jordanians"),
        ("kashmir", "kashmiri kashmiris"),
        ("lebanon", "lebanese"),
        ("pakistan", "pakistani pakistanis"),
        ("palestine", "palestinian palestinians"),
        ("qatar", "qatari qataris"),
        ("russia", "russian russians"),
        ("saudi", "saudis"),
        ("syria", "syrian syrians"),
        ("turkey", "turkish turks"),
        ("ukraine", "ukrainian ukrainians"),
        ("yemen", "yemeni yemenis"),
        ("europe", "european europeans"),
    ];

    private static readonly string[] MultiWordNames = ["united states", "united kingdom"];

    // Declared after the lists it is built from: static fields are initialised in order.
    public static SynonymMap Map { get; } = Build();

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
