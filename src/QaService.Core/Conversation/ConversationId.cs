using System.Text.RegularExpressions;

namespace QaService.Conversation;

/// <summary>
/// Conversation ids: 32 hex digits when QaService makes one; a client may send any id of 1–64 letters, digits,
/// '-' or '_'. An id outside that shape is never used as a storage key.
/// </summary>
public static partial class ConversationId
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is not null && Shape().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Shape();
}
