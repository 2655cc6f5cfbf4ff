using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>The plain words of a reply that abstains.</summary>
public static class AbstentionText
{
    public static string For(QuestionAnalysis question) =>
        question.IsEmpty
            ? "The article does not say: the question has no words to look for in it. Try asking about a person, a place or an event it mentions."
            : question.AnswerType switch
            {
                AnswerType.Count => "The article does not say: it gives no number for that. The nearest passages are cited.",
                AnswerType.Duration => "The article does not say: it gives no length of time for that. The nearest passages are cited.",
                AnswerType.Time => "The article does not say: it gives no date for that. The nearest passages are cited.",
                _ => "The article does not say. The nearest passages are cited.",
            };
}
