namespace QaService.Retrieval;

/// <summary>A question read once: its content stems (what to look for) and the kind of answer it wants.</summary>
public sealed record QuestionAnalysis(
    string Text,
    IReadOnlyList<string> Terms,
    AnswerType AnswerType,
    IReadOnlyList<string> CountedTerms)
{
    public bool IsEmpty => Terms.Count == 0;
}
