using QaService.Conversation;

namespace QaService.Tests.Conversation;

public sealed class StandaloneQuestionTests
{
    private const string FollowUp = "Why was it closed?";

    [Theory]
    [InlineData("  Why was the bridge closed?\n", "Why was the bridge closed?")]
    [InlineData("\"Why was the bridge closed?\"", "Why was the bridge closed?")]
    [InlineData("“Why was the bridge closed?”", "Why was the bridge closed?")]
    [InlineData("Standalone question: 'Why was the bridge closed?'", "Why was the bridge closed?")]
    [InlineData("What did he mean by \"disgrace\"?", "What did he mean by \"disgrace\"?")]
    public void Clean_DropsSpaceLabelsAndOuterQuotesOnly(string reply, string expected) =>
        Assert.Equal(expected, StandaloneQuestion.Clean(reply));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Why was the bridge closed?\nBecause of a storm.", "several lines")]
    [InlineData("The bridge was closed after a storm.", "not a question")]
    [InlineData("Why?", "nothing")]
    public void Problem_NamesWhatIsWrongWithAnUnusableRewrite(string standalone, string problem) =>
        Assert.Contains(problem, StandaloneQuestion.Problem(standalone, FollowUp));

    [Fact]
    public void Problem_RefusesARewriteLongerThanAQuestion() =>
        Assert.Contains("characters long", StandaloneQuestion.Problem("Why " + new string('x', StandaloneQuestion.MaxLength) + "?", FollowUp));

    [Theory]
    [InlineData("Why was the Velmora Harbour Bridge closed?", FollowUp)]
    [InlineData("Tell me more about the bridge's closure", "Tell me more about that")]
    public void Problem_IsNoneForAStandaloneQuestion(string standalone, string followUp) =>
        Assert.Null(StandaloneQuestion.Problem(standalone, followUp));
}
