using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>Follow-up questions answered extractively over two made-up documents, conversations kept in memory.</summary>
public sealed class FollowUpTests : IDisposable
{
    private readonly TempFolder documents = new();
    private readonly QaAppFactory host;

    public FollowUpTests() => host = new QaAppFactory(ConversationApi.Settings(documents));

    /// <summary>"Why was it closed?" fits both documents; the earlier turn decides which one "it" is.</summary>
    [Theory]
    [InlineData("When did the Velmora Harbour Bridge open?", "storm", "fire")]
    [InlineData("When was the Corvin Youth Orchestra founded?", "fire", "storm")]
    public async Task FollowUp_WithPronoun_IsAnsweredAboutTheEarlierSubject(string firstQuestion, string expected, string other)
    {
        var client = host.CreateClient();
        var first = await client.AskAsync(firstQuestion);
        var followUp = await client.AskAsync("Why was it closed?", first.ConversationId);

        Assert.Equal(first.ConversationId, followUp.ConversationId);
        Assert.Equal(2, followUp.Turn);
        Assert.Contains(expected, followUp.Answer);
        Assert.DoesNotContain(other, followUp.Answer);
    }

    /// <summary>A "thanks" is answered in kind, cites nothing, and leaves the conversation about what it was about.</summary>
    [Fact]
    public async Task SmallTalk_BetweenQuestions_IsAnsweredInKind_AndTheNextFollowUpReadsTheQuestionBefore()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        var thanks = await client.AskAsync("thanks!", first.ConversationId);
        var followUp = await client.AskAsync("Why was it closed?", first.ConversationId);

        Assert.True(thanks.Abstained);
        Assert.Empty(thanks.Citations);
        Assert.StartsWith("You're welcome.", thanks.Answer, StringComparison.Ordinal);
        Assert.Equal(2, thanks.Turn);
        Assert.Equal(3, followUp.Turn);
        Assert.Contains("storm", followUp.Answer);
    }

    [Fact]
    public async Task FollowUp_OpenedByThanks_IsReadAsTheFollowUpItIs()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        var followUp = await client.AskAsync("Thanks! Why was it closed?", first.ConversationId);

        Assert.DoesNotContain("thank", followUp.Explanation.QueryTerms);
        Assert.Contains("storm", followUp.Answer);
    }

    [Fact]
    public async Task FollowUp_WhatAbout_CarriesTheQuestionOverToTheNewSubject()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("When was the Velmora Harbour Bridge closed for repairs?");
        var followUp = await client.AskAsync("What about the orchestra?", first.ConversationId);

        Assert.NotEmpty(followUp.Explanation.ContextTerms!);
        Assert.Contains("2020", followUp.Answer);
    }

    [Fact]
    public async Task FollowUp_ThatChangesTopic_IsNotDraggedBack()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        var changed = await client.AskAsync("Why was the orchestra closed for a season?", first.ConversationId);
        var alone = await client.AskAsync("Why was the orchestra closed for a season?");

        Assert.Equal(2, changed.Turn);
        Assert.Empty(changed.Explanation.ContextTerms ?? []);
        Assert.Equal(alone.Answer, changed.Answer);
        Assert.Contains("fire", changed.Answer);
    }

    [Fact]
    public async Task FollowUp_AskingForSomethingElse_DoesNotRepeatTheEarlierAnswer()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("Who founded the Corvin Youth Orchestra?");
        var followUp = await client.AskAsync("Who else was its conductor?", first.ConversationId);

        Assert.Contains("Marren", first.Answer);
        Assert.Contains("Reyes", followUp.Answer);
        Assert.DoesNotContain("founded", followUp.Answer);
    }

    /// <summary>
    /// After "who …?", "she" is the person the answer named, not the orchestra the question was about, and stays her
    /// while the conversation asks about her, even when it names a place; "it" is still the orchestra.
    /// </summary>
    [Fact]
    public async Task FollowUp_WithHeOrShe_AfterAskingWho_IsAboutThePersonTheAnswerNamed()
    {
        var client = host.CreateClient();
        var first = await client.AskAsync("Who founded the Corvin Youth Orchestra?");
        var followUp = await client.AskAsync("What did she do in 2015?", first.ConversationId);
        var aboutIt = await client.AskAsync("What did it do in 1985?", first.ConversationId);
        var namingAPlace = await client.AskAsync("Did she conduct in the Grain Hall?", first.ConversationId);
        var stillHer = await client.AskAsync("When did she retire?", first.ConversationId);

        Assert.Contains("Marren", first.Answer);
        Assert.Contains("marren", followUp.Explanation.QueryTerms);
        Assert.StartsWith("Marren retired in 2015", followUp.Answer);
        Assert.Contains("marren", namingAPlace.Explanation.QueryTerms);
        Assert.Contains("marren", stillHer.Explanation.QueryTerms);
        Assert.DoesNotContain("marren", aboutIt.Explanation.QueryTerms);
        Assert.Contains("orchestra", aboutIt.Explanation.QueryTerms);
    }

    public void Dispose()
    {
        host.Dispose();
        documents.Dispose();
    }
}
