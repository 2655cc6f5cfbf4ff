using System.Text.Json;

namespace QaService.Tests.Support;

/// <summary>The reply of <c>POST /api/ask</c> and <c>ask --json</c> as a client reads it (the contract's field names).</summary>
public sealed record WireReply(string Answer, string Mode, bool Abstained, string ConversationId, List<WireCitation> Citations, double Confidence)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static WireReply Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var field in new[] { "answer", "mode", "abstained", "conversationId", "citations" })
        {
            Assert.True(document.RootElement.TryGetProperty(field, out _), $"The reply has no '{field}': {json}");
        }

        return document.RootElement.Deserialize<WireReply>(JsonOptions)!;
    }

    /// <summary>Every citation's text is exactly its document sliced at start..end.</summary>
    public void AssertCitationsAreExactSlices(Func<string, string> documentText)
    {
        foreach (var citation in Citations)
        {
            var text = documentText(citation.DocumentId);
            Assert.InRange(citation.Start, 0, citation.End);
            Assert.InRange(citation.End, citation.Start, text.Length);
            Assert.Equal(text[citation.Start..citation.End], citation.Text);
        }
    }
}

public sealed record WireCitation(string DocumentId, string PassageId, string Text, int Start, int End, double Score);
