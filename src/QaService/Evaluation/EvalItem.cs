using System.Text.Json.Serialization;

namespace QaService.Host.Evaluation;

/// <summary>One line of a question file (the format of <c>shared/eval/*.jsonl</c>).</summary>
internal sealed record EvalItem(
    string Id,
    string Kind,
    string? Question,
    IReadOnlyList<string>? Evidence,
    [property: JsonPropertyName("answer_keys")] IReadOnlyList<IReadOnlyList<string>>? AnswerKeys,
    IReadOnlyList<EvalTurn>? Turns);

internal sealed record EvalTurn(
    string Question,
    IReadOnlyList<string>? Evidence,
    [property: JsonPropertyName("answer_keys")] IReadOnlyList<IReadOnlyList<string>> AnswerKeys);
