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
    [InlineData("what's the conclusion?", ArticlePart.Closing)]
    [InlineData("What was the conclusion of the inquiry?", ArticlePart.Anywhere)]
    [InlineData("When did the war end?", ArticlePart.Anywhere)]
    [InlineData("Why did talks start again?", ArticlePart.Anywhere)]
    [InlineData("Why was it closed?", ArticlePart.Anywhere)]
    public void Part_IsReadFromHowTheQuestionPointsAtTheArticle(string question, ArticlePart part) =>
        Assert.Equal(part, QuestionAnalyzer.Analyze(question).Part);

    [Theory]
    [InlineData("Who is the source of the claim?")]
    [InlineData("Which armed groups operate there?")]
    [InlineData("Which side won?")]
    [InlineData("What abbreviation does the writer use for the region?")]
    public void FocusTerms_AreNoneForAGenericHead(string question) =>
        Assert.Empty(QuestionAnalyzer.Analyze(question).FocusTerms);

    [Theory]
    [InlineData("Which Israeli prime minister ordered the strikes?", "minist")]
    [InlineData("Who is the current governor of the province?", "governor")]
    public void FocusTerms_EndWithTheThingAskedFor(string question, string head) =>
        Assert.Equal(head, QuestionAnalyzer.Analyze(question).FocusTerms[^1]);

    [Theory]
    [InlineData("When did the war end?", AnswerType.Time)]
    [InlineData("and when was that?", AnswerType.Time)]
    [InlineData("so the talks started when exactly, and when did they end?", AnswerType.Time)]
    [InlineData("tell me when the strikes began", AnswerType.Time)]
    [InlineData("what dates or years does the article give", AnswerType.Time)]
    [InlineData("How was the president received when he came to Pakistan?", AnswerType.Description)]
    [InlineData("What reason did Washington give for the strikes?", AnswerType.Reason)]
    [InlineData("what would it cost to extend the corridor", AnswerType.Count)]
    [InlineData("What was the price of the jets?", AnswerType.Count)]
    public void AnswerType_IsReadFromTheQuestionNotFromItsClauses(string question, AnswerType type) =>
        Assert.Equal(type, QuestionAnalyzer.Analyze(question).AnswerType);

    [Theory]
    [InlineData("Which agency did the writer use to work for?", true)]
    [InlineData("what was the author's post", true)]
    [InlineData("Who wrote this?", true)]
    [InlineData("Was it a ground war, in the author's view?", false)]
    [InlineData("What does the author suggest they do?", false)]
    [InlineData("what's the writer's explanation for the strikes", false)]
    public void AsksAboutAuthor_OnlyWhenTheAuthorIsTheSubject(string question, bool aboutAuthor) =>
        Assert.Equal(aboutAuthor, QuestionAnalyzer.Analyze(question).AsksAboutAuthor);

    [Fact]
    public void Terms_LeaveOutLightVerbsAndFillers() =>
        Assert.Equal(["weather", "karachi", "weekend"], QuestionAnalyzer.Analyze("whats the weather going to be like in karachi this weekend").Terms);

    [Theory]
    [InlineData("How does the article end?")]
    [InlineData("what's in the last section")]
    public void Terms_OfAQuestionAboutAPart_AreNoneButItStillAsks(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question);

        Assert.Equal(ArticlePart.Closing, analysis.Part);
        Assert.Empty(analysis.Terms);
        Assert.False(analysis.IsEmpty);
    }

    [Fact]
    public void Terms_OfStandsFor_AreTheAcronym() =>
        Assert.Equal(["let"], QuestionAnalyzer.Analyze("what does LeT stand for").Terms);

    [Fact]
    public void AsksForList_WhenAskedToNameThings() =>
        Assert.True(QuestionAnalyzer.Analyze("name the treaties that come up").AsksForList);

    [Fact]
    public void FocusTerms_EndAtAnIrregularPastVerb() =>
        Assert.Equal("minist", QuestionAnalyzer.Analyze("Which Indian prime minister gave the order?").FocusTerms[^1]);

    [Theory]
    [InlineData("Between Tehran and which other capital could Islamabad mediate?")]
    [InlineData("In which city did they meet?")]
    public void AnswerType_IsPlaceForACapitalOrCity(string question) =>
        Assert.Equal(AnswerType.Place, QuestionAnalyzer.Analyze(question).AnswerType);

    [Theory]
    [InlineData("name the treaties or accords that come up in the piece", new[] { "treati", "accord" })]
    [InlineData("According to the piece, what did Saudi Arabia suspend?", new[] { "saudi", "arabia", "suspend" })]
    [InlineData("through what?", new string[0])]
    public void Terms_LeaveOutHowTheQuestionAsks(string question, string[] terms) =>
        Assert.Equal(terms, QuestionAnalyzer.Analyze(question).Terms);

    [Theory]
    [InlineData("Which US official brokered the end of the fighting?", true)]
    [InlineData("who currently leads the group", true)]
    [InlineData("Can you name any of the generals killed?", true)]
    [InlineData("Who carried out the attack?", false)]
    [InlineData("Which country recognised the state?", false)]
    public void RequiresPerson_WhenAPersonIsAskedForByRole(string question, bool person) =>
        Assert.Equal(person, QuestionAnalyzer.Analyze(question).RequiresPerson);
}
