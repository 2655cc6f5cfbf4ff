using QaService.Retrieval;

namespace QaService.Tests.Retrieval;

public sealed class QuestionAnalyzerTests
{
    [Theory]
    [InlineData("Which countries recognised the state?", true)]
    [InlineData("whose nuclear programmes did Israel target", true)]
    [InlineData("What agreements were signed?", true)]
    [InlineData("Which country recognised the state?", false)]
    [InlineData("Which one went on longer?", false)]
    [InlineData("What was the news?", false)]
    [InlineData("What has changed since the crisis?", false)]
    public void AsksForList_WhenTheThingAskedForIsPlural(string question, bool list) =>
        Assert.Equal(list, QuestionAnalyzer.Analyze(question).AsksForList);

    [Theory]
    [InlineData("What does the piece open with?", ArticlePart.Opening)]
    [InlineData("what's in the first paragraph", ArticlePart.Opening)]
    [InlineData("How does the article end?", ArticlePart.Closing)]
    [InlineData("What are the author's closing remarks?", ArticlePart.Closing)]
    [InlineData("When did the war end?", ArticlePart.Anywhere)]
    [InlineData("Why did talks start again?", ArticlePart.Anywhere)]
    public void Part_IsReadFromHowTheQuestionPointsAtTheArticle(string question, ArticlePart part) =>
        Assert.Equal(part, QuestionAnalyzer.Analyze(question).Part);

    [Theory]
    [InlineData("Who is the source of the claim?")]
    [InlineData("Which armed groups operate there?")]
    [InlineData("Which side won?")]
    public void FocusTerms_AreNoneForAGenericHead(string question) =>
        Assert.Empty(QuestionAnalyzer.Analyze(question).FocusTerms);

    [Theory]
    [InlineData("Which Israeli prime minister ordered the strikes?", "minist")]
    [InlineData("Who is the current governor of the province?", "governor")]
    public void FocusTerms_EndWithTheThingAskedFor(string question, string head) =>
        Assert.Equal(head, QuestionAnalyzer.Analyze(question).FocusTerms[^1]);
}
