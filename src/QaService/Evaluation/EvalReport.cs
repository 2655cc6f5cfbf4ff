using System.Text.Json.Serialization;

namespace QaService.Host.Evaluation;

/// <summary>
/// The figures of an evaluation run, named as <c>qa_eval.py</c> names them, plus how well <c>confidence</c> tells
/// right replies from wrong ones: its AUC, its expected calibration error and the table behind it.
/// </summary>
internal sealed record EvalReport(
    [property: JsonPropertyName("answerable")] int Answerable,
    [property: JsonPropertyName("answer_accuracy")] double? AnswerAccuracy,
    [property: JsonPropertyName("strict_accuracy")] double? StrictAccuracy,
    [property: JsonPropertyName("hit_at_1")] double? HitAt1,
    [property: JsonPropertyName("hit_at_3")] double? HitAt3,
    [property: JsonPropertyName("false_abstention")] double? FalseAbstention,
    [property: JsonPropertyName("unanswerable")] int Unanswerable,
    [property: JsonPropertyName("abstention_accuracy")] double? AbstentionAccuracy,
    [property: JsonPropertyName("follow_ups")] int FollowUps,
    [property: JsonPropertyName("follow_up_accuracy")] double? FollowUpAccuracy,
    [property: JsonPropertyName("follow_up_hit_at_3")] double? FollowUpHitAt3,
    [property: JsonPropertyName("decision_accuracy")] double? DecisionAccuracy,
    [property: JsonPropertyName("non_200")] int Non200,
    [property: JsonPropertyName("citation_offsets_valid")] double? CitationOffsetsValid,
    [property: JsonPropertyName("mean_answer_chars")] double? MeanAnswerChars,
    [property: JsonPropertyName("latency_ms_p50")] double? LatencyMsP50,
    [property: JsonPropertyName("latency_ms_p95")] double? LatencyMsP95,
    [property: JsonPropertyName("confidence_auc")] double? ConfidenceAuc,
    [property: JsonPropertyName("expected_calibration_error")] double? ExpectedCalibrationError,
    [property: JsonPropertyName("calibration")] IReadOnlyList<CalibrationBucket> Calibration);

/// <summary>Replies whose confidence fell in [From, To): how many, their mean confidence, and how many were right.</summary>
internal sealed record CalibrationBucket(
    [property: JsonPropertyName("from")] double From,
    [property: JsonPropertyName("to")] double To,
    [property: JsonPropertyName("replies")] int Replies,
    [property: JsonPropertyName("mean_confidence")] double MeanConfidence,
    [property: JsonPropertyName("accuracy")] double Accuracy);

internal sealed record EvalRow(
    string Document, string Id, string Kind, string Question, string Answer, bool Abstained, bool Hit1, bool Hit3, bool Correct, bool Strict, bool Ok,
    double Confidence, bool Failed, double Seconds, int CitationsChecked, int CitationsValid);
