using QaService.Generation.Support;

namespace QaService.Answering;

/// <summary>What produced an answer.</summary>
public enum ReplyMode
{
    Extractive,
    Generative,
}

/// <summary>An exact span of a document: <c>document.Text[Start..End] == Text</c>.</summary>
public sealed record Citation(string DocumentId, string PassageId, string Text, int Start, int End, double Score);

/// <summary>
/// The one reply every door renders, whatever produced it. <see cref="FallbackReason"/> says why a generative answer
/// was wanted but the reply is extractive; <see cref="Warning"/> flags a generative answer that needs checking.
/// <see cref="Turn"/> counts the questions of the conversation so far, this one included: 1 means it (re)started here.
/// <see cref="Support"/> (generative answers only) says, sentence by sentence, whether the passages back it.
/// </summary>
public sealed record AskReply(
    string Answer,
    ReplyMode Mode,
    bool Abstained,
    string ConversationId,
    IReadOnlyList<Citation> Citations,
    double Confidence,
    string? FallbackReason = null,
    Explanation? Explanation = null,
    string? Warning = null,
    int Turn = 1,
    IReadOnlyList<SentenceSupport>? Support = null);
