using QaService.Generation;
using QaService.Ingestion;
using QaService.Retrieval;

namespace QaService.Tests.Generation;

public sealed class CitationMarkerMapperTests
{
    private static readonly IReadOnlyList<RankedPassage> Given = Enumerable.Range(1, 3)
        .Select(i => new RankedPassage(i, new Passage($"doc#{i}", "doc", i, i, i, i, i * 10, (i * 10) + 5, $"text{i}"), i, 1.0 / i, 0, i, null, null))
        .ToList();

    [Fact]
    public void Map_KeepsOnlyCitedPassagesBestFirstAndRenumbersMarkers()
    {
        var mapped = CitationMarkerMapper.Map("First [3]. Second [1, 3].", Given);

        Assert.Equal("First [2]. Second [1][2].", mapped.Text);
        Assert.Equal(["doc#1", "doc#3"], mapped.Citations.Select(c => c.PassageId));
        Assert.Equal((30, 35, "text3"), (mapped.Citations[1].Start, mapped.Citations[1].End, mapped.Citations[1].Text));
        Assert.False(mapped.CitesNothing);
    }

    [Fact]
    public void Map_DropsMarkersThatNameNoGivenPassage()
    {
        var mapped = CitationMarkerMapper.Map("Claim [4]. Other [0][2].", Given);

        Assert.Equal("Claim. Other [1].", mapped.Text);
        Assert.Equal(["doc#2"], mapped.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public void Map_WithNoValidMarker_SaysItCitesNothing()
    {
        var mapped = CitationMarkerMapper.Map("An answer [12] with a year [2024] in it.", Given);

        Assert.True(mapped.CitesNothing);
        Assert.Empty(mapped.Citations);
        Assert.Equal("An answer with a year [2024] in it.", mapped.Text);
    }
}
