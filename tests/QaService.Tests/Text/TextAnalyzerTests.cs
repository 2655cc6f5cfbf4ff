using QaService.Text;

namespace QaService.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static IReadOnlyList<string> Terms(string text) => TextAnalyzer.Instance.Terms(text);

    [Theory]
    [InlineData("the American role", "the US intervention", "usa")]
    [InlineData("U.S. President", "the United States", "usa")]
    [InlineData("an Iranian official", "officials in Iran", "iran")]
    [InlineData("Pakistani leaders", "Pakistan's leadership", "pakistan")]
    [InlineData("the British envoy", "the United Kingdom", "uk")]
    [InlineData("talks between Islamabad and New Delhi", "Pakistan and India", "india")]
    [InlineData("what Washington wants", "the American position", "usa")]
    public void CountryNames_MeetTheirAdjectivesAndAcronyms(string question, string article, string country)
    {
        Assert.Contains(country, Terms(question));
        Assert.Contains(country, Terms(article));
    }

    [Fact]
    public void PronounUs_IsNotTheCountry()
    {
        Assert.DoesNotContain("usa", Terms("Tell us about the bridge"));
        Assert.Contains("usa", Terms("The US bridge"));
        Assert.Equal(Terms("U.S. troops"), Terms("US troops"));
    }

    [Fact]
    public void NumberWords_AreDigits() => Assert.Equal(Terms("a 12-day war"), Terms("a twelve-day war"));
}
