using QaService.Host.Evaluation;

namespace QaService.Tests.Evaluation;

/// <summary>The first-sentence rule of <c>qa_eval.py</c>'s strict accuracy, as ported.</summary>
public sealed class EvalScoringTests
{
    [Theory]
    [InlineData("Iran sent envoys. Pakistan replied.", "Iran sent envoys.")]
    [InlineData("U.S. President Donald Trump spoke. Then he left.", "U.S. President Donald Trump spoke.")]
    [InlineData("Gen. Asim Munir met him. Later, talks ended.", "Gen. Asim Munir met him.")]
    [InlineData("Khurram Khan\nThe writer is a journalist.", "Khurram Khan")]
    [InlineData("It ended in 2025 (after talks). 12 days later it resumed.", "It ended in 2025 (after talks).")]
    [InlineData("no end mark here", "no end mark here")]
    public void FirstSentence_StopsWhereTheEvaluatorStops(string answer, string first) => Assert.Equal(first, EvalScoring.FirstSentence(answer));

    [Fact]
    public void StrictCorrect_NeedsTheKeyInTheFirstSentence()
    {
        IReadOnlyList<IReadOnlyList<string>> keys = [["Pezeshkian"]];

        Assert.True(EvalScoring.StrictCorrect("Masoud Pezeshkian visited. He met Sharif.", keys));
        Assert.False(EvalScoring.StrictCorrect("He met Sharif. Masoud Pezeshkian visited.", keys));
        Assert.True(EvalScoring.AnswerCorrect("He met Sharif. Masoud Pezeshkian visited.", keys));
    }
}
