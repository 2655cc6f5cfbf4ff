using QaService.Retrieval;

namespace QaService.Tests.Retrieval;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("Hello there! 👋", SmallTalkKind.Greeting)]
    [InlineData("Good morning", SmallTalkKind.Greeting)]
    [InlineData("thanks!", SmallTalkKind.Thanks)]
    [InlineData("Great, thank you so much.", SmallTalkKind.Thanks)]
    [InlineData("ok", SmallTalkKind.Acknowledgement)]
    [InlineData("Got it.", SmallTalkKind.Acknowledgement)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("What can you do?", SmallTalkKind.Help)]
    [InlineData("Are you a bot?", SmallTalkKind.Help)]
    [InlineData("bye!", SmallTalkKind.Farewell)]
    [InlineData("Goodbye", SmallTalkKind.Farewell)]
    public void Of_AWholeMessageThatAsksNothing_IsItsKind(string message, SmallTalkKind kind) =>
        Assert.Equal(kind, SmallTalk.Of(message));

    [Theory]
    [InlineData("Hi, who wrote the article?")]
    [InlineData("What help did Iran offer?")]
    [InlineData("Thanks to whom did the talks resume?")]
    [InlineData("ok so when did the war end")]
    [InlineData("Who is Hello Kitty?")]
    [InlineData("How does this work?")]
    public void Of_AQuestion_IsNull(string message) => Assert.Null(SmallTalk.Of(message));

    [Theory]
    [InlineData("Hello! Where is the TTP?", "Where is the TTP?")]
    [InlineData("thanks, where is the TTP?", "where is the TTP?")]
    [InlineData("Ok, thanks! Where is the TTP?", "Where is the TTP?")]
    [InlineData("great. and why?", "and why?")]
    [InlineData("Thanks to the treaty, who signed?", "Thanks to the treaty, who signed?")]
    [InlineData("K. Khan wrote what?", "K. Khan wrote what?")]
    [InlineData("Iran, Pakistan: who leads?", "Iran, Pakistan: who leads?")]
    [InlineData("thanks!", "thanks!")]
    [InlineData("Nice: what happened there in 2016?", "Nice: what happened there in 2016?")]
    [InlineData("Fine-tuning used what learning rate?", "Fine-tuning used what learning rate?")]
    public void WithoutOpening_SetsAsideTheSmallTalkThatOpensAQuestion(string message, string expected) =>
        Assert.Equal(expected, SmallTalk.WithoutOpening(message));
}
