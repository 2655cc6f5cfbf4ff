namespace QaService.Generation;

/// <summary>What happens to a generative answer with a sentence its passages do not support.</summary>
public enum UnsupportedPolicy
{
    /// <summary>The answer is kept; its <c>support</c> array says which sentences are unsupported.</summary>
    Mark,

    /// <summary>The unsupported sentences are removed (the extractive answer if none is left).</summary>
    Drop,

    /// <summary>The extractive answer replaces it, with a <c>fallbackReason</c>.</summary>
    Fallback,
}
