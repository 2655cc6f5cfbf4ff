using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>Questions about who wrote the built-in article, with or without saying "author", and a user's documents.</summary>
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

    [Fact]
    public async Task Ask_WhoWroteIt_OverDocumentsWithTitlesButNoByline_DoesNotNameTheTitles()
    {
        using var folder = new TempFolder();
        var notes = folder.File("notes.md", "# Project Notes\n\nThe project started in May.\n");
        var report = folder.File("report.txt", "Quarterly Report\nSales rose by 12 percent.\n");
        await using var app = new QaAppFactory()
            .WithSetting("Documents:IncludeBuiltIn", "false")
            .WithSetting("Documents:Sources:0:Path", notes)
            .WithSetting("Documents:Sources:1:Path", report);
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Who wrote it?", mode: "extractive");

        Assert.True(reply.Abstained, reply.Answer);
        Assert.DoesNotContain("Project Notes", reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterly Report", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhoWroteIt_BesideADocumentWithATitle_GivesTheArticlesAuthorOnLinesOfTheirOwn()
    {
        using var folder = new TempFolder();
        var farm = folder.File("farm.txt", "Farm\nThe farm grows barley and keeps forty cows.\n");
        var column = folder.File("column.txt", "By Jane Doe\nThe council met on Monday to discuss the bridge.\n");
        await using var app = new QaAppFactory()
            .WithSetting("Documents:Sources:0:Path", farm)
            .WithSetting("Documents:Sources:1:Path", column);
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Who wrote it?", mode: "extractive");

        Assert.False(reply.Abstained, reply.Answer);
        var lines = reply.Answer.Split('\n');
        Assert.Equal("Khurram Khan", lines[0]);
        Assert.Contains("By Jane Doe", lines);
        Assert.DoesNotContain("Farm", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhoWroteIt_OverAMemo_GivesItsFromLine()
    {
        using var folder = new TempFolder();
        var memo = folder.File("memo.md", "# Office Move\n\nTo: All staff\nFrom: Priya Raman, Chief Operating Officer\nDate: 14 March 2025\n\nWe move to Linden Park in June.\n");
        await using var app = new QaAppFactory()
            .WithSetting("Documents:IncludeBuiltIn", "false")
            .WithSetting("Documents:Sources:0:Path", memo);
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Who wrote the memo?", mode: "extractive");
        var budget = await client.AskOkAsync("What is the operating budget for Linden Park?", mode: "extractive");

        Assert.Equal("From: Priya Raman, Chief Operating Officer", reply.Answer);
        await client.AssertCitationsAreExactAsync(reply);
        Assert.NotEqual(reply.Answer, budget.Answer);
    }

    [Fact]
    public async Task Ask_WhoWroteIt_OverATravelPlanWithALoneFromLine_DoesNotNameThePlace()
    {
        using var folder = new TempFolder();
        var plan = folder.File("trip.txt", "Trip plan\nFrom: Aberdeen\nThe train leaves at nine and reaches Edinburgh at noon.\n");
        await using var app = new QaAppFactory()
            .WithSetting("Documents:IncludeBuiltIn", "false")
            .WithSetting("Documents:Sources:0:Path", plan);
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Who wrote this?", mode: "extractive");

        Assert.DoesNotContain("Aberdeen", reply.Answer, StringComparison.Ordinal);
    }
}
