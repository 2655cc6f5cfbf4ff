using System.Text.Json.Serialization;
using QaService.Answering;
using QaService.Generation.Support;

namespace QaService.Host.Web.OpenAi;

/// <summary>A reply of <c>POST /v1/chat/completions</c> without streaming, with QaService's own fields beside OpenAI's.</summary>
internal sealed record ChatCompletion(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatChoice> Choices,
    IReadOnlyList<WireCitation> Citations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WireSupport>? Support,
    AnswerDetails Qaservice);

internal sealed record ChatChoice(int Index, AssistantMessage Message, string FinishReason, object? Logprobs = null);

internal sealed record AssistantMessage(string Role, string Content);

/// <summary>One server-sent <c>chat.completion.chunk</c>; the last one carries the citations, support and details.</summary>
internal sealed record ChatCompletionChunk(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WireCitation>? Citations = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WireSupport>? Support = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerDetails? Qaservice = null);

internal sealed record ChunkChoice(int Index, ChunkDelta Delta, string? FinishReason, object? Logprobs = null);

internal sealed record ChunkDelta(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null);

/// <summary>A citation: <c>document.Text[start..end] == text</c>, as in <c>/api/ask</c>; [n] in the answer is the n-th.</summary>
internal sealed record WireCitation(int Number, string DocumentId, string PassageId, string Text, int Start, int End, double Score)
{
    public static IReadOnlyList<WireCitation> Of(IReadOnlyList<Citation> citations) =>
        citations.Select((c, i) => new WireCitation(i + 1, c.DocumentId, c.PassageId, c.Text, c.Start, c.End, c.Score)).ToList();
}

/// <summary>One answer sentence, <c>content[start..end]</c>: whether the passages support it, and by which citation best.</summary>
internal sealed record WireSupport(
    int Start, int End, bool Supported,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Citation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PassageId,
    double Score)
{
    public static IReadOnlyList<WireSupport>? Of(IReadOnlyList<SentenceSupport>? support) =>
        support?.Select(s => new WireSupport(s.Start, s.End, s.Supported, s.Citation, s.PassageId, s.Score)).ToList();
}

/// <summary>What produced the answer, as <c>/api/ask</c> reports it.</summary>
internal sealed record AnswerDetails(
    string Mode, bool Abstained, double Confidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FallbackReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Warning)
{
    public static AnswerDetails Of(AskReply reply) =>
        new(reply.Mode == ReplyMode.Generative ? "generative" : "extractive", reply.Abstained, reply.Confidence, reply.FallbackReason, reply.Warning);
}

internal sealed record ModelList(string Object, IReadOnlyList<ModelCard> Data);

internal sealed record ModelCard(string Id, string Object, long Created, string OwnedBy);

internal sealed record ErrorReply(ErrorDetail Error);

internal sealed record ErrorDetail(string Message, string Type, string? Param, string? Code);
