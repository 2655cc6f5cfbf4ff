using QaService.Answering;

namespace QaService.Tests.Answering;

public sealed class AnaphoraTests
{
    [Theory]
    [InlineData("It decimated the reactor in 1981.", true)]
    [InlineData("Around the same time it had toyed with the idea.", true)]
    [InlineData("In return, Pakistan could mediate.", true)]
    [InlineData("“They have dubbed it a new normal.”", true)]
    [InlineData("Israel is averse to any challenge.", false)]
    [InlineData("Items on the list were time-sensitive.", false)]
    public void OpensWithReference_WhenTheSentenceLeansOnTheOneBefore(string sentence, bool leans) =>
        Assert.Equal(leans, Anaphora.OpensWithReference(sentence));

    [Theory]
    [InlineData("In response, the union called a strike.", true)]
    [InlineData("They called a strike.", true)]
    [InlineData("In response to the fare rise, the union called a strike.", false)]
    [InlineData("In response to this, the union called a strike.", true)]
    [InlineData("Instead of a strike, the union asked for talks.", false)]
    [InlineData("The union called a strike.", false)]
    public void LeansOnPrevious_UnlessItsOpeningNamesWhatItAnswers(string sentence, bool leans) =>
        Assert.Equal(leans, Anaphora.LeansOnPrevious(sentence));
}
