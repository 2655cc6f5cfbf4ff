using System.Text.RegularExpressions;

namespace QaService.Conversation;

/// <summary>
/// Conversation ids: 32 hex digits when QaService makes one; a client may send any id of 1–64 letters, digits,
/// '-' or '_'. An id outside that shape is refused, never used as a storage key.
/// </summary>
public static partial class ConversationId
{
    /// <summary>What a client-chosen id may be, in words for the client.</summary>
    public const string Rule =
        "A conversationId is 1 to 64 letters (A-Z, a-z), digits, '-' or '_'; leave it out to start a new conversation.";

    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is not null && Shape().IsMatch(id);

    // \z, not $: $ also matches before a final newline, which would let "id\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex Shape();
}
