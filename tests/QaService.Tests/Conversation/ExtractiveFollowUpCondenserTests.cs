using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Conversation;
using QaService.Documents;
using QaService.Indexing;
using QaService.Ingestion;
using QaService.Retrieval;

namespace QaService.Tests.Conversation;

public sealed class ExtractiveFollowUpCondenserTests
{
    private const string FirstQuestion = "When did the Velmora Harbour Bridge open?";

    private static readonly Corpus Corpus = Corpus.Create(
        [new SourceDocument("bridge", "Bridge", ConversationApi.Bridge), new SourceDocument("orchestra", "Orchestra", ConversationApi.Orchestra)],
        new Chunker(Options.Create(new ChunkingOptions())),
        new ChunkingOptions());

    [Fact]
    public void FollowUp_IsEmbeddedAfterThePreviousQuestion()
    {
        var condensed = Condense("Why was it closed?");

        Assert.Equal($"{FirstQuestion} Why was it closed?", condensed.DenseText);
        Assert.NotEmpty(condensed.ContextTerms);
    }

    [Fact]
    public void ChangeOfTopic_IsEmbeddedOnItsOwn()
    {
        var condensed = Condense("Why was the orchestra closed for a season?");

        Assert.Null(condensed.DenseText);
        Assert.Empty(condensed.ContextTerms);
    }

    [Fact]
    public void FollowUp_ToAQuestionAboutTheAuthor_IsAboutTheAuthor()
    {
        Assert.True(Condense("what post did he hold?", aboutAuthor: true).AsksAboutAuthor);
        Assert.False(Condense("what post did he hold?").AsksAboutAuthor);
        Assert.True(Condense("in which country?", aboutAuthor: true).AsksAboutAuthor);
    }

    [Theory]
    [InlineData("Where is the TTP?", false)]
    [InlineData("what about the Corvin orchestra?", false)]
    [InlineData("did she chair the Velmora Harbour Board?", true)]
    public void FollowUp_ToAQuestionAboutTheAuthor_StaysOnTheAuthorOnlyWithNamesTheAuthorNoteUses(string question, bool aboutAuthor)
    {
        var signed = Corpus.Create(
            [new SourceDocument("bridge", "Bridge", "Mara Lind\n" + ConversationApi.Bridge + "The author chaired the Velmora Harbour Board.\n")],
            new Chunker(Options.Create(new ChunkingOptions())),
            new ChunkingOptions());

        Assert.Equal(aboutAuthor, Condense(question, aboutAuthor: true, signed).AsksAboutAuthor);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("...")]
    [InlineData("\U0001F642")]
    public void FollowUp_WithoutWords_AsksNothing(string question)
    {
        var condensed = Condense(question);

        Assert.True(condensed.IsEmpty);
        Assert.Empty(condensed.ContextTerms);
    }

    [Fact]
    public void PersonalPronoun_StandsForThePersonThePreviousQuestionNamed_NotForItsOtherNames()
    {
        const string previous = "When did Ilse Marren found the Corvin Youth Orchestra?";
        var first = QuestionAnalyzer.Analyze(previous);
        var answer = new ExtractiveAnswer([new ScoredSentence(SentenceKey("founded in 1985"), 1, 0, 0, 0, 0)], [], false, 1, "answered");
        var turn = ConversationTurn.Of(first, null, answer, "The Corvin Youth Orchestra was founded in 1985 by the conductor Ilse Marren.", Corpus);
        var conversation = ConversationState.New("c1").With(turn, maxTurns: 5);

        var she = ExtractiveFollowUpCondenser.Condense(new FollowUpQuestion("When did she retire?", conversation, Corpus, AnswerMode.Extractive));
        var it = ExtractiveFollowUpCondenser.Condense(new FollowUpQuestion("Why was it closed?", conversation, Corpus, AnswerMode.Extractive));

        Assert.Contains("marren", she.Terms);
        Assert.DoesNotContain("orchestra", she.Terms);
        Assert.Contains("orchestra", it.Terms);
    }

    private static int SentenceKey(string containing) =>
        Enumerable.Range(0, Corpus.Sentences.Count).First(k => Corpus.Sentences[k].Text.Contains(containing, StringComparison.Ordinal));

    private static QuestionAnalysis Condense(string question, bool aboutAuthor = false, Corpus? corpus = null)
    {
        corpus ??= Corpus;
        var first = QuestionAnalyzer.Analyze(FirstQuestion);
        var turn = new ConversationTurn(
            FirstQuestion, "It opened in 1962.", first.Terms, [], ["bridg"], [], [0], ConversationTurn.FingerprintOf(corpus), aboutAuthor);
        var conversation = ConversationState.New("c1").With(turn, maxTurns: 5);
        return ExtractiveFollowUpCondenser.Condense(new FollowUpQuestion(question, conversation, corpus, AnswerMode.Extractive));
    }
}
