namespace QaService.Generation;

/// <summary>A prompt file is missing or malformed; generative answers fall back until it is fixed.</summary>
/// <remarks>
/// The message names the files, for the server log; <see cref="Reason"/> says what is wrong without them, for replies
/// that travel to clients.
/// </remarks>
public sealed class PromptFileException(string message, string reason, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}
