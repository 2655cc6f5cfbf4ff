using System.Net.Http.Json;
using System.Text.Json;
using QaService.Host.Web;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

public sealed class SuggestionEndpointTests
{
    [Fact]
    public async Task Suggestions_ForTheBuiltInArticle_AreQuestionsItAnswers()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        var questions = await GetQuestionsAsync(client, "article");

        Assert.InRange(questions.Count, 2, 4);
        foreach (var question in questions)
        {
            using var asked = await client.PostAsJsonAsync("/api/ask", new { question });
            var reply = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement;
            Assert.False(reply.GetProperty("abstained").GetBoolean(), $"The suggested question '{question}' is not answered.");
        }
    }

    [Fact]
    public async Task Suggestions_ForAnyDocument_ComeFromItsOwnText()
    {
        using var folder = new TempFolder();
        var path = folder.File("harbour.md", """
            # Harbour news

            The harbour of Port Elin reopened on Monday after a 3-month strike by the dock workers.
            Mayor Ilse Brandvold thanked the workers. The port was first built in 1887 by the Elin Trading Company.
            Ilse Brandvold said the harbour would stay open through the winter.
            """);
        await using var factory = new QaAppFactory()
            .WithSetting("Documents:Sources:0:Path", path)
            .WithSetting("Documents:Sources:0:Id", "harbour");
        using var client = factory.CreateClient();

        var questions = await GetQuestionsAsync(client, "harbour");

        Assert.Contains("What does the document say about Ilse Brandvold?", questions);
        Assert.Contains("Brandvold", (await client.AskOkAsync("What does the document say about Ilse Brandvold?", mode: "extractive")).Answer, StringComparison.Ordinal);
        Assert.Contains("How long did the strike last?", questions);
        Assert.Contains("What took place in 1887?", questions);
        Assert.DoesNotContain(questions, q => q.Contains("Pakistan", StringComparison.Ordinal));
        foreach (var question in questions)
        {
            var reply = await client.AskOkAsync(question, mode: "extractive");
            Assert.False(reply.Abstained, $"The suggested question '{question}' is not answered.");
            Assert.Equal("harbour", reply.Citations[0].DocumentId);
        }
    }

    [Fact]
    public async Task Suggestions_LeaveOutWhatAnotherDocumentAnswers()
    {
        using var folder = new TempFolder();
        var harbour = folder.File("harbour.txt",
            "The harbour of Port Elin reopened on Monday after a 3-month strike by the dock workers.\n"
            + "The Elin Trading Company paid for the new cranes.\n"
            + "The Elin Trading Company also owns the ferry.\n");
        var company = folder.File("company.txt", string.Concat(Enumerable.Repeat(
            "The Elin Trading Company was founded in 1887 by merchants from Bergen. The Elin Trading Company trades timber and fish. ", 3)) + "\n");
        await using var factory = new QaAppFactory()
            .WithSetting("Documents:IncludeBuiltIn", "false")
            .WithSetting("Documents:Sources:0:Path", harbour)
            .WithSetting("Documents:Sources:1:Path", company);
        using var client = factory.CreateClient();
        var candidates = StarterQuestions.From(File.ReadAllLines(harbour), "document", 12);
        var aboutTheCompany = await client.AskOkAsync("What does the document say about Elin Trading Company?", mode: "extractive");

        var questions = await GetQuestionsAsync(client, "harbour");

        Assert.Contains("What does the document say about Elin Trading Company?", candidates);
        Assert.Equal("company", aboutTheCompany.Citations[0].DocumentId);
        Assert.DoesNotContain("What does the document say about Elin Trading Company?", questions);
        Assert.NotEmpty(questions);
    }

    private static async Task<List<string>> GetQuestionsAsync(HttpClient client, string id)
    {
        var suggestions = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}/suggestions")).RootElement;
        Assert.Equal(id, suggestions.GetProperty("documentId").GetString());
        return suggestions.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToList();
    }
}
