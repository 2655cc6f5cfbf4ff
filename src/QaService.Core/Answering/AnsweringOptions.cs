using System.ComponentModel.DataAnnotations;

namespace QaService.Answering;

public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Longer questions are refused with a 400.</summary>
    [Range(1, 100_000)]
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>Most sentences an extractive answer joins.</summary>
    [Range(1, 5)]
    public int MaxAnswerSentences { get; set; } = 3;

    /// <summary>Most sentences for a question that asks for several things ("which countries …").</summary>
    [Range(1, 10)]
    public int MaxListSentences { get; set; } = 5;

    /// <summary>Most characters of an extractive answer; a sentence that would pass it is left out.</summary>
    [Range(100, 5000)]
    public int MaxAnswerCharacters { get; set; } = 560;

    /// <summary>
    /// Answer only when the estimated probability that the answer is right reaches this; below it, abstain. 0 always
    /// answers, 1 always abstains. The default was chosen on unseen documents of two kinds (SQuAD articles, half of
    /// whose questions have no answer, and the news article's own unseen questions); see the README.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.25;

    /// <summary>An answer model file to use instead of the built-in one (resolved against the content root).</summary>
    public string? ModelPath { get; set; }
}
