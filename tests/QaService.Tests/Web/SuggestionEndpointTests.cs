using System.Net.Http.Json;
using System.Text.Json;
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

        Assert.Contains("What does the article say about Ilse Brandvold?", questions);
        Assert.Contains("How long did the strike last?", questions);
        Assert.Contains("What took place in 1887?", questions);
        Assert.DoesNotContain(questions, q => q.Contains("Pakistan", StringComparison.Ordinal));
    }

    private static async Task<List<string>> GetQuestionsAsync(HttpClient client, string id)
    {
        var suggestions = JsonDocument.Parse(await client.GetStringAsync($"/api/documents/{id}/suggestions")).RootElement;
        Assert.Equal(id, suggestions.GetProperty("documentId").GetString());
        return suggestions.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToList();
    }
}
