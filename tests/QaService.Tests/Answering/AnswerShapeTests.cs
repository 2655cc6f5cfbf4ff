using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// How an extractive answer is put together over a made-up harbour report (hybrid retrieval): the answering sentence
/// first, several sentences for a question that asks for several things, a summary for a question about the whole
/// document, a follow-up that moves on, and the part of the article a question points at.
/// </summary>
public sealed class AnswerShapeTests(AnswerShapeTests.HarbourHost harbour) : IClassFixture<AnswerShapeTests.HarbourHost>
{
    private const string FirstParagraph =
        "Dockers at the Port of Velmora struck against Castellan Shipping for nine days. The strike closed every berth on the north quay.";

    private const string LastParagraph = "The harbour master expects traffic to double within ten years.";

    private const string Report =
        "Harbour report\n\n"
        + FirstParagraph + "\n\n"
        + "Castellan Shipping's ships sat idle at the Port of Velmora in March. Mayor Ilse Varga then offered to mediate.\n\n"
        + "The port imports grain from Tarsk. The port imports timber from Olberg. The port imports steel from Brenmoor. The port imports fruit from Casimir.\n\n"
        + LastParagraph + "\n";

    private static readonly string[] Towns = ["Tarsk", "Olberg", "Brenmoor", "Casimir"];

    [Fact]
    public async Task Ask_ForSeveralThings_JoinsTheSentencesThatNameThem()
    {
        var list = await harbour.Client.AskOkAsync("What imports arrive at the port?", mode: "extractive");
        var single = await harbour.Client.AskOkAsync("What does the port import?", mode: "extractive");

        // The ranker's likeliest sentences join the answer, in rank order: most of the four, and more than for a question asking for one thing.
        Assert.True(Towns.Count(list.Answer.Contains) >= 3, list.Answer);
        Assert.True(Towns.Count(single.Answer.Contains) < Towns.Count(list.Answer.Contains), single.Answer);
    }

    [Fact]
    public async Task Ask_LeadsWithTheSentenceThatAnswers()
    {
        var reply = await harbour.Client.AskOkAsync("Who offered to mediate?", mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.StartsWith("Mayor Ilse Varga then offered to mediate.", reply.Answer, StringComparison.Ordinal);
        Assert.Equal("Mayor Ilse Varga then offered to mediate.", reply.Citations[0].Text);
    }

    [Theory]
    [InlineData("What is this report about?")]
    [InlineData("Summarise it for me")]
    [InlineData("tl;dr")]
    public async Task Ask_AboutTheWholeDocument_AnswersWithItsOpeningAndCentralSentencesInOrder(string question)
    {
        var reply = await harbour.Client.AskOkAsync(question, mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        var cited = reply.Citations.Where(c => reply.Answer.Contains(c.Text, StringComparison.Ordinal)).ToList();
        Assert.InRange(cited.Count, 2, 3);
        Assert.StartsWith(FirstParagraph.Split(". ")[0], reply.Answer, StringComparison.Ordinal);
        Assert.Equal(cited.OrderBy(c => c.Start).Select(c => c.Text), cited.Select(c => c.Text));
        Assert.DoesNotContain("Harbour report", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_AFollowUpThatMovesOn_GetsAnotherAnswer()
    {
        var first = await harbour.Client.AskOkAsync("Who offered to mediate?", mode: "extractive");
        var second = await harbour.Client.AskOkAsync("In which month did Castellan's ships sit idle?", mode: "extractive", conversationId: first.ConversationId);
        var repeated = await harbour.Client.AskOkAsync("Who offered to mediate?", mode: "extractive", conversationId: second.ConversationId);

        Assert.StartsWith("Castellan Shipping's ships sat idle", second.Answer, StringComparison.Ordinal);
        Assert.Equal(first.Answer, repeated.Answer);
    }

    [Fact]
    public async Task Ask_AFollowUpTheSameSentenceAnswersAgain_SaysSoInsteadOfRepeatingTheAnswer()
    {
        var first = await harbour.Client.AskOkAsync("Who offered to mediate?", mode: "extractive");
        var again = await harbour.Client.AskOkAsync("What is her first name?", mode: "extractive", conversationId: first.ConversationId);

        Assert.False(again.Abstained, again.Answer);
        Assert.Equal(Asker.SamePassage + first.Answer, again.Answer);
        Assert.Equal(first.Citations[0].Text, again.Citations[0].Text);
    }

    [Theory]
    [InlineData("What does the story open with?", FirstParagraph)]
    [InlineData("What do the final lines of the piece say?", LastParagraph)]
    public async Task Ask_AboutTheOpeningOrClosing_CitesThatParagraphFirst(string question, string paragraph)
    {
        var reply = await harbour.Client.AskOkAsync(question, mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains(reply.Citations[0].Text, paragraph, StringComparison.Ordinal);
    }

    /// <summary>One hybrid host over the report for the whole class: embedding it is the slow part.</summary>
    public sealed class HarbourHost : IDisposable
    {
        private readonly TempFolder documents = new();
        private readonly QaAppFactory app;

        public HarbourHost()
        {
            app = new QaAppFactory(new Dictionary<string, string?>
            {
                [TestDefaults.Hybrid.Key] = TestDefaults.Hybrid.Value,
                ["Documents:IncludeBuiltIn"] = "false",
                ["Documents:Sources:0:Path"] = documents.File("harbour.md", Report),
            });
            Client = app.CreateClient();
        }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            app.Dispose();
            documents.Dispose();
        }
    }
}
