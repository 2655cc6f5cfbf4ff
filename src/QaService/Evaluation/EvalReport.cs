using System.Text.Json.Serialization;

namespace QaService.Host.Evaluation;

/// <summary>The figures of an evaluation run, named as <c>qa_eval.py</c> names them.</summary>
internal sealed record EvalReport(
    [property: JsonPropertyName("answerable")] int Answerable,
    [property: JsonPropertyName("answer_accuracy")] double? AnswerAccuracy,
    [property: JsonPropertyName("hit_at_1")] double? HitAt1,
    [property: JsonPropertyName("hit_at_3")] double? HitAt3,
    [property: JsonPropertyName("false_abstention")] double? FalseAbstention,
    [property: JsonPropertyName("unanswerable")] int Unanswerable,
    [property: JsonPropertyName("abstention_accuracy")] double? AbstentionAccuracy,
    [property: JsonPropertyName("follow_ups")] int FollowUps,
    [property: JsonPropertyName("follow_up_accuracy")] double? FollowUpAccuracy,
    [property: JsonPropertyName("follow_up_hit_at_3")] double? FollowUpHitAt3,
    [property: JsonPropertyName("latency_ms_p50")] double? LatencyMsP50,
    [property: JsonPropertyName("latency_ms_p95")] double? LatencyMsP95);

internal sealed record EvalRow(string Id, string Kind, string Question, string Answer, bool Abstained, bool Hit1, bool Hit3, bool Correct, bool Ok);
