namespace QaService.Generation.Support;

/// <summary>
/// A passage an answer may lean on, as sentences (each with its embedding when one is at hand).
/// <see cref="Citation"/> is its number among the reply's citations, or null for a retrieved passage the answer does not cite.
/// </summary>
public sealed record SupportSource(int? Citation, string PassageId, IReadOnlyList<EvidenceSentence> Sentences);

public sealed record EvidenceSentence(string Text, float[]? Vector = null);
