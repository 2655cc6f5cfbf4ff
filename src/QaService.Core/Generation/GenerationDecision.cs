namespace QaService.Generation;

/// <summary>Whether to ask the model for this question, and if not while one was wanted, why.</summary>
public sealed record GenerationDecision(bool AskModel, string? FallbackReason)
{
    public static GenerationDecision Ask { get; } = new(true, null);

    public static GenerationDecision Extractive(string? reason = null) => new(false, reason);
}
