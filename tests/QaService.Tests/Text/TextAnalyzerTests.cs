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
    [InlineData("the India-Pakistan fighting", "the Indo-Pak conflict", "pakistan")]
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

    [Theory]
    [InlineData("Where was the fighting?", "It was fought in the air", "fight")]
    [InlineData("Who did they shoot down?", "Five jets were shot down", "shoot")]
    [InlineData("Why did the envoy leave?", "The envoy left in June", "leav")]
    public void IrregularPastForms_MeetTheirVerb(string question, string article, string stem)
    {
        Assert.Contains(stem, Terms(question));
        Assert.Contains(stem, Terms(article));
    }

    [Fact]
    public void NumberWords_AreDigits() => Assert.Equal(Terms("a 12-day war"), Terms("a twelve-day war"));
}
