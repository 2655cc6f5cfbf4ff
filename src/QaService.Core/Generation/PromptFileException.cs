namespace QaService.Generation;

/// <summary>A prompt file is missing or malformed; generative answers fall back until it is fixed.</summary>
public sealed class PromptFileException : Exception
{
    public PromptFileException(string message)
        : base(message)
    {
    }

    public PromptFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
