using System.Text.RegularExpressions;
using QaService.Answering;
using QaService.Retrieval;

namespace QaService.Generation;

/// <summary>A generated answer whose [n] markers have been checked against the passages the model was given.</summary>
public sealed record MappedAnswer(string Text, IReadOnlyList<Citation> Citations, bool CitesNothing);

/// <summary>
/// Maps a model's [n] markers back to the passages it was given. Markers that name no given passage are dropped;
/// the remaining ones are renumbered to the reply's citations, which are the cited passages, best first.
/// </summary>
public static partial class CitationMarkerMapper
{
    public static MappedAnswer Map(string generated, IReadOnlyList<RankedPassage> given)
    {
        var cited = new SortedSet<int>();
        foreach (Match marker in Marker().Matches(generated))
        {
            cited.UnionWith(Numbers(marker).Where(n => n >= 1 && n <= given.Count));
        }

        var renumbered = cited.Select((number, index) => (number, index)).ToDictionary(p => p.number, p => p.index + 1);
        var text = Marker().Replace(generated, marker =>
        {
            var kept = Numbers(marker).Where(renumbered.ContainsKey).Distinct().Select(n => $"[{renumbered[n]}]");
            var replacement = string.Concat(kept);
            return replacement.Length > 0 ? marker.Groups["space"].Value + replacement : "";
        });

        var citations = cited.Select(n => ToCitation(given[n - 1])).ToList();
        return new MappedAnswer(text.Trim(), citations, citations.Count == 0);
    }

    public static Citation ToCitation(RankedPassage ranked)
    {
        var p = ranked.Passage;
        return new Citation(p.DocumentId, p.Id, p.Text, p.Start, p.End, Math.Round(ranked.FusedScore, 4));
    }

    private static IEnumerable<int> Numbers(Match marker) =>
        Number().Matches(marker.Groups["markers"].Value).Select(n => int.Parse(n.Value, System.Globalization.CultureInfo.InvariantCulture));

    // A run of markers such as "[1]", "[1, 3]" or "[2][3]", with the space before it; years like [2024] are not markers.
    [GeneratedRegex(@"(?<space>\s*)(?<markers>(?:\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
