namespace QaService.Answering;

/// <summary>What a streamed answer sends, in order: the citations, the answer in pieces, then the whole reply.</summary>
public abstract record AskEvent;

public sealed record CitationsEvent(IReadOnlyList<Citation> Citations) : AskEvent;

public sealed record AnswerDeltaEvent(string Text) : AskEvent;

/// <summary>
/// A generative answer broke off midway: drop the text streamed so far. The fallback answer follows from its own
/// citations event on.
/// </summary>
public sealed record AnswerResetEvent(string Reason) : AskEvent;

public sealed record CompletedEvent(AskReply Reply) : AskEvent;
