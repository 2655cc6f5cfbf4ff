namespace QaService.Generation.Support;

/// <summary>
/// Whether one sentence of an answer is backed by the passages: <c>answer[Start..End]</c> is the sentence;
/// <see cref="Citation"/> is the number of the citation that backs it best (null when that is a passage the reply
/// does not cite, or nothing does); <see cref="Score"/> is the support model's probability.
/// </summary>
public sealed record SentenceSupport(int Start, int End, bool Supported, int? Citation, string? PassageId, double Score);
