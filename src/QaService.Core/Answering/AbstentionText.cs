using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// The plain words of a reply that abstains. They claim no more than the abstention knows: the answer models judge
/// that no sentence answers, not why, so the reply does not say that the document lacks a date or a number.
/// </summary>
public static class AbstentionText
{
    public static string For(QuestionAnalysis question) =>
        question.IsEmpty
            ? "The article does not say: the question has no words to look for in it. Try asking about a person, a place or an event it mentions."
            : "The article does not say. The nearest passages are cited.";

    /// <summary>For a question written in a script the documents do not use (see <see cref="Text.WritingSystem"/>).</summary>
    public static string ForeignScript(string script) =>
        $"The question is written in {script}, and the article is not, so there is nothing to match it against. Please ask in the article's language.";
}
