using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// Headings name sections and say nothing of them: over a Markdown biography whose title is the person's name, a
/// question about the person is answered from the text, never with a heading; a question that asks for a section by
/// its heading ("list the ingredients") gets the section.
/// </summary>
public sealed class HeadingTests : IDisposable
{
    private const string Biography = """
        # Ilse Marren

        Ilse Marren (born 1958 in Velmora) is a conductor and composer.

        ## Early life

        Marren studied the violin at the Tarsk Conservatory.

        ## Career

        Marren conducted the Velmora Opera from 1990. She left the opera in 2019 to teach.

        ## Later life

        She lives in Olberg, where she founded a youth orchestra in 2004.
        """;

    private const string Recipe = """
        # Harbour Fish Stew

        A stew the dockers of Velmora cook on Fridays.

        ## Ingredients

        - 500 g white fish
        - 2 onions
        - 4 tomatoes
        - 1 litre fish stock

        ## Steps

        1. Fry the onions until soft.
        2. Add the tomatoes and the stock and simmer for 20 minutes.
        3. Add the fish and cook for 8 minutes more.
        """;

    private readonly TempFolder documents = new();

    [Theory]
    [InlineData("Who is Ilse Marren?", "conductor")]
    [InlineData("What did Ilse Marren study?", "violin")]
    [InlineData("When was Ilse Marren born?", "1958")]
    public async Task Ask_AboutTheOneTheTitleNames_IsAnsweredFromTheText(string question, string expected)
    {
        await using var app = Over([("marren.md", Biography)], hybrid: true);
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question, mode: "extractive");

        Assert.Contains(expected, reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Citations, c => c.Text is "Ilse Marren" or "Early life" or "Later life");
    }

    [Fact]
    public async Task Ask_ForASectionByItsHeading_GetsTheSectionInOrder()
    {
        await using var app = Over([("stew.md", Recipe)]);
        using var client = app.CreateClient();

        var ingredients = await client.AskOkAsync("List the ingredients.", mode: "extractive");
        var steps = await client.AskOkAsync("What are the steps?", mode: "extractive");
        var lastStep = await client.AskOkAsync("What is the last step?", mode: "extractive");

        Assert.Equal("500 g white fish\n2 onions\n4 tomatoes\n1 litre fish stock", ingredients.Answer);
        Assert.StartsWith("Fry the onions until soft. Add the tomatoes", steps.Answer, StringComparison.Ordinal);
        Assert.EndsWith("cook for 8 minutes more.", steps.Answer, StringComparison.Ordinal);
        Assert.NotEqual(steps.Answer, lastStep.Answer);
        await client.AssertCitationsAreExactAsync(ingredients);
    }

    [Fact]
    public async Task Ask_ForASectionByItsHeading_OverSeveralDocuments_GetsTheOneItsDocumentNames_AndAFactInASectionIsRanked()
    {
        await using var app = Over(
        [
            ("cake.md", "# Lemon Cake\n\nA cake for spring.\n\n## Ingredients\n\n- 3 lemons\n- 200 g sugar\n"),
            ("brownies.md", "# Chocolate Brownies\n\nA treat for winter.\n\n## Ingredients\n\n- 200 g dark chocolate\n- 100 g butter\n"),
            ("marren.md", Biography),
        ]);
        using var client = app.CreateClient();

        var brownies = await client.AskOkAsync("List the ingredients of the chocolate brownies.", mode: "extractive");
        var career = await client.AskOkAsync("What was Ilse Marren's career?", mode: "extractive");
        var careerEnd = await client.AskOkAsync("When did Ilse Marren's career end?", mode: "extractive");

        Assert.Equal("200 g dark chocolate\n100 g butter", brownies.Answer);
        Assert.Equal("Marren conducted the Velmora Opera from 1990. She left the opera in 2019 to teach.", career.Answer);
        Assert.NotEqual(career.Answer, careerEnd.Answer);
    }

    public void Dispose() => documents.Dispose();

    /// <summary>A host over these Markdown documents alone.</summary>
    private QaAppFactory Over(IReadOnlyList<(string Name, string Text)> files, bool hybrid = false)
    {
        var settings = new Dictionary<string, string?> { ["Documents:IncludeBuiltIn"] = "false" };
        for (var i = 0; i < files.Count; i++)
        {
            settings[$"Documents:Sources:{i}:Path"] = documents.File(files[i].Name, files[i].Text);
        }

        if (hybrid)
        {
            settings[TestDefaults.Hybrid.Key] = TestDefaults.Hybrid.Value;
        }

        return new QaAppFactory(settings);
    }
}
