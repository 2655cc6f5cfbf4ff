using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>Questions about who wrote the built-in article, with or without saying "author".</summary>
public sealed class AuthorQuestionTests
{
    [Theory]
    [InlineData("Who wrote this?")]
    [InlineData("who is khurram khan")]
    [InlineData("Which agency did the writer use to work for?")]
    [InlineData("Who is the journalist?")]
    [InlineData("what does the author do")]
    public async Task Ask_AboutTheAuthor_CitesTheBylineOrAuthorNote(string question)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question, mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains(reply.Citations, c => c.Text.Contains("Khurram Khan", StringComparison.Ordinal) || c.Text.Contains("Intelligence Bureau", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_AboutTheAuthorsView_IsNotAnsweredWithTheByline()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Is it only India's generals who threaten militants, in the writer's view?", mode: "extractive");

        Assert.DoesNotContain("Intelligence Bureau", reply.Answer, StringComparison.Ordinal);
    }
}
