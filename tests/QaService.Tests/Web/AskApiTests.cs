using System.Net;
using System.Text.Json;
using QaService.Documents;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

public sealed class AskApiTests
{
    [Fact]
    public async Task Ask_AnswerableQuestion_ReturnsAnExtractiveReplyWithExactCitations()
    {
        var question = DevQuestions.Get("dev-a15");
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(question.Question);

        Assert.Equal("extractive", reply.Mode);
        Assert.False(reply.Abstained);
        Assert.True(question.IsAnsweredBy(reply.Answer), $"{question} was answered: {reply.Answer}");
        Assert.False(string.IsNullOrWhiteSpace(reply.ConversationId));
        Assert.NotEmpty(reply.Citations);
        Assert.All(reply.Citations, c => Assert.Equal(BuiltInDocument.Id, c.DocumentId));
        Assert.Contains(reply.Citations[0].Text, reply.Answer, StringComparison.Ordinal);
        Assert.InRange(reply.Confidence, 0, 1);
        await client.AssertCitationsAreExactAsync(reply);
    }

    [Fact]
    public async Task Ask_CitationsAreBestFirst()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(DevQuestions.Get("dev-a03").Question);

        Assert.True(reply.Citations.Count > 1);
        Assert.Equal(reply.Citations.Select(c => c.Score).OrderDescending(), reply.Citations.Select(c => c.Score));
    }

    [Fact]
    public async Task Ask_WithAConversationId_ReturnsTheSameId()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var first = await client.AskOkAsync(DevQuestions.Get("dev-a02").Question);
        var second = await client.AskOkAsync(DevQuestions.Get("dev-a03").Question, conversationId: first.ConversationId);

        Assert.Equal(first.ConversationId, second.ConversationId);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("Extractive")]
    [InlineData("generative")]
    public async Task Ask_WithAKnownMode_AnswersExtractivelyWhenNoModelIsConfigured(string mode)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync(DevQuestions.Get("dev-a02").Question, mode);

        Assert.Equal("extractive", reply.Mode);
        await client.AssertCitationsAreExactAsync(reply);
    }

    [Fact]
    public async Task Ask_OverAnExtraDocumentWithWindowsLineEndingsAndEmoji_CitesExactSlicesOfIt()
    {
        using var documents = new TempFolder();
        var path = documents.File(
            "harbour.txt",
            "# Harbour log 🚢\r\n\r\nThe harbour master logged 🌊 forty-two trawlers on Friday. Storms kept them in port.\r\n\r\n"
            + "- The lighthouse lamp was replaced in March.\r\n- Ferries ran twice a day.\r\n");
        await using var app = new QaAppFactory(new Dictionary<string, string?> { ["Documents:Sources:0:Path"] = path });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("how many trawlers did the harbour master log");

        var cited = Assert.Single(reply.Citations, c => c.DocumentId == "harbour" && c.Text.Contains("trawlers", StringComparison.Ordinal));
        Assert.Equal(cited, reply.Citations[0]);
        await client.AssertCitationsAreExactAsync(reply);
        Assert.Equal(await File.ReadAllTextAsync(path), await client.DocumentTextAsync("harbour"));
    }

    [Fact]
    public async Task Ask_OverAMarkdownDocument_QuotesItsWordsWithoutTheMarkup()
    {
        using var documents = new TempFolder();
        var path = documents.File(
            "garden.md",
            "# Garden notes\n\nTomatoes need **full sun** and *regular* water,\nsays [the guide](http://example.org/guide).\n\n"
            + "- Mint spreads quickly through the beds.\n- Basil likes heat.\n\n> The frobnicator was invented in 1962.\n\n"
            + "| Plant | Watering |\n|---|---|\n| Mint | daily |\n| Basil | weekly |\n");
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = path,
        });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("What do tomatoes need?", mode: "extractive");

        Assert.StartsWith("Tomatoes need full sun and regular water, says the guide.", reply.Answer, StringComparison.Ordinal);
        await client.AssertCitationsAreExactAsync(reply);
        var text = await client.DocumentTextAsync("garden");
        Assert.Contains("Mint spreads quickly through the beds.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("- Mint", text, StringComparison.Ordinal);
        Assert.DoesNotContain("> The", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
        Assert.Contains("\nMint | daily\nBasil | weekly\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_AfterTheIndexIsBuilt_Returns200()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();
        await client.AskOkAsync("warm up");

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }
}
