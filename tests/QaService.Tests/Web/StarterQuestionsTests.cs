using QaService.Host.Web;

namespace QaService.Tests.Web;

public sealed class StarterQuestionsTests
{
    [Fact]
    public void Names_PreferTheMostMentionedEnding_AndDropSentenceStarters()
    {
        string[] sentences =
        [
            "During the summit, Foreign Minister Ana Ruiz spoke first.",
            "Ana Ruiz’s speech was short.",
            "Later the Blue River Council met.",
            "Despite this, the Blue River Council agreed.",
        ];

        var names = StarterQuestions.Names(sentences);

        Assert.Equal(["Ana Ruiz", "Blue River Council"], names);
    }

    [Fact]
    public void From_WithoutNamesNumbersOrYears_SuggestsNothing()
    {
        Assert.Empty(StarterQuestions.From(["it rained all day.", "nobody came."], "document"));
    }
}
