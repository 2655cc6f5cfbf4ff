using Microsoft.ML.Data;

namespace QaService.Answering.Learning;

/// <summary>One candidate sentence as ML.NET reads it: features, whether it holds the answer, and its training weight.</summary>
public sealed class CandidateRow
{
    [VectorType(CandidateFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;
}

/// <summary>One question as ML.NET reads it, labelled for one of the two question models.</summary>
public sealed class QuestionRow
{
    [VectorType(QuestionFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;

    /// <summary>Training only: the question has no answer in its document.</summary>
    [NoColumn]
    public bool Unanswerable { get; set; }
}

/// <summary>A binary model's output: its raw score and its calibrated probability.</summary>
public sealed class BinaryPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }
}
