using QaService.Host.Training;

namespace QaService.Tests.Answering;

public sealed class MisleadingQuestionTests
{
    [Fact]
    public void Of_AQuestionWithAName_PutsAnotherOfTheDocumentsNamesInItsPlace()
    {
        const string question = "When did the mayor of Velmora open the bridge?";

        var rewritten = MisleadingQuestion.Of(question, ["Velmora", "Tarsk"]);

        Assert.Equal("When did the mayor of Tarsk open the bridge?", rewritten);
        Assert.Equal(rewritten, MisleadingQuestion.Of(question, ["Velmora", "Tarsk"]));
    }

    [Fact]
    public void Of_AQuestionWithoutAName_NegatesItsVerb()
    {
        Assert.Equal("What was not the largest import?", MisleadingQuestion.Of("What was the largest import?", ["Tarsk"]));
    }

    [Theory]
    [InlineData("Why?")]
    [InlineData("Which port?")]
    public void Of_AQuestionWithNothingToRewrite_IsNull(string question) => Assert.Null(MisleadingQuestion.Of(question, ["Tarsk"]));

    [Fact]
    public void NamesIn_CountsCapitalisedWordsInsideSentences_MostFrequentFirst()
    {
        var names = MisleadingQuestion.NamesIn(["Ships left Tarsk for Velmora. Grain came from Tarsk.", "Olberg sends timber to Tarsk."]);

        Assert.Equal(["Tarsk", "Velmora"], names);
    }
}
