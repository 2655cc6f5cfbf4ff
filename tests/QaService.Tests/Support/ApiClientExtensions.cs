using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QaService.Tests.Support;

/// <summary>Calls of the HTTP contract and the checks every reply of it must pass.</summary>
public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> AskAsync(this HttpClient client, string question, string? mode = null, string? conversationId = null) =>
        client.PostAsJsonAsync("/api/ask", new { question, mode, conversationId });

    /// <summary>Asks and expects a normal 200 reply.</summary>
    public static async Task<WireReply> AskOkAsync(this HttpClient client, string question, string? mode = null, string? conversationId = null)
    {
        using var response = await client.AskAsync(question, mode, conversationId);
        return await response.ReadReplyAsync();
    }

    public static async Task<WireReply> ReadReplyAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return WireReply.Parse(body);
    }

    /// <summary>An RFC 7807 problem with this status, a title and a detail written for a person, not a stack trace.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The full text of a document, as <c>GET /api/documents/{id}</c> returns it.</summary>
    public static async Task<string> DocumentTextAsync(this HttpClient client, string id)
    {
        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{Uri.EscapeDataString(id)}");
        return document.GetProperty("text").GetString()!;
    }

    /// <summary>Every citation's text equals its document, fetched through the API, sliced at start..end.</summary>
    public static async Task AssertCitationsAreExactAsync(this HttpClient client, WireReply reply)
    {
        var texts = new Dictionary<string, string>();
        foreach (var id in reply.Citations.Select(c => c.DocumentId).Distinct())
        {
            texts[id] = await client.DocumentTextAsync(id);
        }

        reply.AssertCitationsAreExactSlices(id => texts[id]);
    }
}
