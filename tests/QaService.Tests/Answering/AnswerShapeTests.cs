using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// How an extractive answer is put together over a made-up harbour report (hybrid retrieval): several sentences for a
/// question that asks for several things, a date found beside the event it belongs to, and the part of the article a
/// question points at.
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
    public async Task Ask_ForSeveralThings_JoinsEverySentenceThatNamesOne()
    {
        var list = await harbour.Client.AskOkAsync("What imports arrive at the port?", mode: "extractive");
        var single = await harbour.Client.AskOkAsync("What does the port import?", mode: "extractive");

        Assert.All(Towns, town => Assert.Contains(town, list.Answer));
        Assert.True(Towns.Count(single.Answer.Contains) <= 3, single.Answer);
    }

    [Fact]
    public async Task Ask_When_WithTheDateBesideTheEvent_AnswersWithBoth()
    {
        var reply = await harbour.Client.AskOkAsync("When did the dockers at the Port of Velmora strike for nine days?", mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains("March", reply.Answer);
        Assert.Contains("nine days", reply.Answer);
    }

    [Theory]
    [InlineData("When did fruit first come from Casimir?")]
    [InlineData("When did the port begin importing grain from Tarsk?")]
    [InlineData("How long has grain come from Tarsk?")]
    [InlineData("How many days did Olberg timber go unloaded?")]
    public async Task Ask_WhenOrHowMany_WithNoDateOrNumberAboutTheNamesAsked_Abstains(string question)
    {
        var reply = await harbour.Client.AskOkAsync(question, mode: "extractive");

        Assert.True(reply.Abstained, reply.Answer);
    }

    [Fact]
    public async Task Ask_ForAPersonByRole_AnswersWithANamedPersonOrAbstains()
    {
        var named = await harbour.Client.AskOkAsync("Which mayor offered to mediate?", mode: "extractive");
        var nobody = await harbour.Client.AskOkAsync("Which mayor closed every berth on the north quay?", mode: "extractive");

        Assert.Contains("Varga", named.Answer);
        Assert.True(nobody.Abstained, nobody.Answer);
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
