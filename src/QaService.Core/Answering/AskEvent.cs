namespace QaService.Answering;

/// <summary>What a streamed answer sends, in order: the citations, the answer in pieces, then the whole reply.</summary>
public abstract record AskEvent;

public sealed record CitationsEvent(IReadOnlyList<Citation> Citations) : AskEvent;

public sealed record AnswerDeltaEvent(string Text) : AskEvent;

public sealed record CompletedEvent(AskReply Reply) : AskEvent;
