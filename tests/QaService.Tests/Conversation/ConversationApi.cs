using System.Net.Http.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>Two small made-up documents and a client for <c>POST /api/ask</c>, shared by the conversation tests.</summary>
internal static class ConversationApi
{
    public const string Bridge =
        "The Velmora Harbour Bridge opened in 1962 after eight years of construction. Its main span is 503 metres long. "
        + "Engineers chose steel arches because the seabed could not hold deep piers. The bridge was closed for repairs in 2019 "
        + "after a storm tore several cables. Tolls on the crossing were abolished in 2001.\n";

    public const string Orchestra =
        "The Corvin Youth Orchestra was founded in 1985 by the conductor Ilse Marren. It gives four concerts each winter in the "
        + "old grain hall. Marren retired in 2015, and the violinist Tomas Reyes succeeded her as conductor. The orchestra was "
        + "closed for a season in 2020 because a fire damaged the hall.\n";

    /// <summary>Settings for a host that answers over the two documents only, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(TempFolder documents, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("bridge.md", Bridge),
            ["Documents:Sources:1:Path"] = documents.File("orchestra.md", Orchestra),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<Reply> AskAsync(this HttpClient client, string question, string? conversationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/ask", new { question, conversationId, explain = true });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reply>())!;
    }

    internal sealed record Reply(string Answer, bool Abstained, string ConversationId, int Turn, Explanation Explanation, IReadOnlyList<Citation> Citations);

    internal sealed record Citation(string Text);

    internal sealed record Explanation(IReadOnlyList<string> QueryTerms, IReadOnlyList<string>? ContextTerms);
}
