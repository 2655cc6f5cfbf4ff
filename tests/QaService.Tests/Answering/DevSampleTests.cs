using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// A small sample of the development set, read from its copy in <c>tests/data</c>: questions whose answer is one clear fact
/// of the article, and questions the article has nothing to say about.
/// </summary>
public sealed class DevSampleTests
{
    [Theory]
    [InlineData("dev-a02")] // who: a named person
    [InlineData("dev-a03")] // how long: a duration
    [InlineData("dev-a15")] // how many: a number
    [InlineData("dev-a25")] // when: a year
    [InlineData("dev-a28")] // which country
    [InlineData("dev-a29")] // what solution
    public async Task Ask_AnswerableDevQuestion_AnswersWithTheSentenceThatHoldsTheAnswer(string id)
    {
        var question = DevQuestions.Get(id);
        Assert.True(question.IsAnswerable);
        await using var app = new QaAppFactory(new Dictionary<string, string?>([TestDefaults.Hybrid]));
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question.Question, mode: "extractive");

        Assert.False(reply.Abstained, $"{question} abstained: {reply.Answer}");
        Assert.True(question.IsAnsweredBy(reply.Answer), $"{question} was answered: {reply.Answer}");
        Assert.InRange(reply.Answer.Length, 1, 600);
        Assert.Contains(reply.Citations.Take(3), c => question.IsAnsweredBy(c.Text));
        await client.AssertCitationsAreExactAsync(reply);
    }

    [Theory]
    [InlineData("dev-u05")] // nothing to do with the article
    public async Task Ask_OffTopicDevQuestion_Abstains(string id)
    {
        var question = DevQuestions.Get(id);
        Assert.False(question.IsAnswerable);
        await using var app = new QaAppFactory(new Dictionary<string, string?>([TestDefaults.Hybrid, TestDefaults.Abstaining]));
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question.Question, mode: "extractive");

        Assert.True(reply.Abstained, $"{question} was answered: {reply.Answer}");
        Assert.StartsWith("The article does not say", reply.Answer, StringComparison.Ordinal);
        await client.AssertCitationsAreExactAsync(reply);
    }
}
