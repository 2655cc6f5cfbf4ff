namespace QaService.Host.Web;

/// <summary>The JSON body of <c>POST /api/ask</c> and <c>POST /api/chat/stream</c>.</summary>
public sealed record AskRequestBody(string? Question, string? ConversationId, string? Mode, bool Explain = false);
