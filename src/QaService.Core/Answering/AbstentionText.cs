using QaService.Indexing;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Answering;

/// <summary>
/// The plain words of a reply that abstains. They claim no more than the abstention knows: the answer models judge
/// that no sentence answers, not why, so the reply does not say that the document lacks a date or a number.
/// </summary>
public static class AbstentionText
{
    public static string For(QuestionAnalysis question, Corpus corpus) =>
        WritingSystem.Foreign(question.Text, corpus) is { } script
            ? $"The question is written in {script}, and the article is not, so there is nothing to match it against. Please ask in the article's language."
            : question.IsEmpty
                ? "The article does not say: the question has no words to look for in it. Try asking about a person, a place or an event it mentions."
                : "The article does not say. The nearest passages are cited.";
}
