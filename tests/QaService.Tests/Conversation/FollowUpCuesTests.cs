using QaService.Conversation;
using QaService.Text;

namespace QaService.Tests.Conversation;

public sealed class FollowUpCuesTests
{
    [Theory]
    [InlineData("Why was it closed?")]
    [InlineData("What did they say?")]
    [InlineData("What about Iran?")]
    [InlineData("and india?")]
    [InlineData("What could Pakistan offer in return?")]
    [InlineData("in which country's government?")]
    [InlineData("For how long?")]
    public void QuestionThatPointsBack_DependsOnEarlierTurns(string question) =>
        Assert.True(ExtractiveFollowUpCondenser.DependsOnEarlierTurns(FollowUpCues.Read(question), ownTerms: 2, ownKnownTerms: 2));

    [Theory]
    [InlineData("Why was the orchestra closed for a season?")]
    [InlineData("Did Hamas say what it wants?")]
    public void QuestionWithASubjectOfItsOwn_StandsAlone(string question) =>
        Assert.False(ExtractiveFollowUpCondenser.DependsOnEarlierTurns(FollowUpCues.Read(question), ownTerms: 3, ownKnownTerms: 3));

    [Theory]
    [InlineData("Where is the TTP?", false)]
    [InlineData("where is it?", true)]
    [InlineData("How long did that take?", true)]
    [InlineData("how long exactly?", true)]
    public void ShortQuestion_StandsAloneOnlyWhenItNamesItsSubject(string question, bool depends) =>
        Assert.Equal(depends, ExtractiveFollowUpCondenser.DependsOnEarlierTurns(FollowUpCues.Read(question), ownTerms: 1, ownKnownTerms: 1));

    [Theory]
    [InlineData("What else did he do?", true)]
    [InlineData("when did she retire", true)]
    [InlineData("Why was it closed?", false)]
    [InlineData("What did they say about him?", true)]
    [InlineData("Is it true that she retired?", true)]
    [InlineData("Did Marren say what she wanted?", false)]
    public void PronounThatPointsBack_IsToldApartWhenItStandsForAPerson(string question, bool person) =>
        Assert.Equal(person, FollowUpCues.Read(question).RefersToPerson);

    [Fact]
    public void QuestionWithNoWordsOfItsOwn_DependsOnEarlierTurns() =>
        Assert.True(ExtractiveFollowUpCondenser.DependsOnEarlierTurns(FollowUpCues.Read("How come?"), ownTerms: 0, ownKnownTerms: 0));

    [Fact]
    public void OffTopicQuestion_StandsAlone() =>
        Assert.False(ExtractiveFollowUpCondenser.DependsOnEarlierTurns(FollowUpCues.Read("What is the capital of Canada?"), ownTerms: 2, ownKnownTerms: 0));

    [Fact]
    public void WhatElse_AsksForSomethingOtherThanTheLastAnswer() =>
        Assert.True(FollowUpCues.Read("What else did he do?").WantsSomethingElse);

    [Theory]
    [InlineData("Ilse Marren founded the orchestra in 1985.", "marren")]
    [InlineData("The Corvin Youth Orchestra was founded in 1985 by the conductor Ilse Marren.", "marren")]
    [InlineData("It was founded by Dr. Ilse Marren.", "marren")]
    [InlineData("The treaty was signed by John F. Kennedy in 1963.", "kennedi")]
    [InlineData("The symphony is by Ludwig van Beethoven.", "beethoven")]
    [InlineData("The speech was given by Martin Luther King Jr. in 1963.", "king")]
    [InlineData("In 1985 the Velmora City Council appointed Ilse Marren.", "marren")]
    [InlineData("U.S. President Donald Trump claimed that Ayatollah Ali Khamenei's life was spared.", "trump")]
    [InlineData("The bridge was opened by the Velmora Harbour Board.", null)]
    [InlineData("Velmora FC won the cup.", null)]
    public void PersonNameHeads_FindTheFirstNameWrittenAsAPersonsIs(string sentence, string? head) =>
        Assert.Equal(head, NamedThings.PersonNameHeads(sentence) is [var first, ..] ? first : null);

    [Fact]
    public void NameHeads_AreTheLastWordOfEachName() =>
        Assert.Equal(["bridg", "marren"], NamedThings.Heads("When did the Velmora Harbour Bridge open, and who is Ilse Marren?"));
}
