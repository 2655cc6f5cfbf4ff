using QaService.Answering;

namespace QaService.Tests.Answering;

public sealed class SummaryRequestTests
{
    [Theory]
    [InlineData("What is this article about?")]
    [InlineData("what's the story about")]
    [InlineData("Summarise it")]
    [InlineData("can you summarize the piece?")]
    [InlineData("tl;dr")]
    [InlineData("TLDR please")]
    [InlineData("What are the main points?")]
    [InlineData("Give me a summary")]
    [InlineData("summary of the article")]
    [InlineData("What's the gist?")]
    [InlineData("Can you sum it up?")]
    [InlineData("in a nutshell?")]
    [InlineData("brief me on this piece")]
    [InlineData("what is the main argument of the author")]
    [InlineData("Explain the article in simple terms")]
    [InlineData("what's the story here")]
    [InlineData("What is this article about in two sentences?")]
    [InlineData("What is the document about overall?")]
    [InlineData("Give me a summary of the whole article")]
    [InlineData("overview of everything")]
    [InlineData("main points of the essay")]
    [InlineData("What is the memo about?")]
    [InlineData("What is this recipe about?")]
    [InlineData("sum the biography up")]
    public void Matches_AQuestionAboutTheWholeDocument(string question) => Assert.True(SummaryRequest.Matches(question));

    [Theory]
    [InlineData("What did the summary of the talks say about gas?")]
    [InlineData("Which president visited Pakistan?")]
    [InlineData("What is the pipeline about?")]
    [InlineData("What is this war about?")]
    [InlineData("What does the memo say about parking?")]
    [InlineData("What is the main argument of Pakistan for a two-state solution?")]
    [InlineData("How did Iran sum up the talks?")]
    [InlineData("Who wrote the article?")]
    [InlineData("What does the article say about Donald Trump?")]
    [InlineData("what does the piece say about gaza")]
    [InlineData("Summarize what the article says about India.")]
    [InlineData("Give me an overview of the India-Pakistan conflict")]
    public void DoesNotMatch_AQuestionAboutSomethingInIt(string question) => Assert.False(SummaryRequest.Matches(question));
}
