using System.Text;

namespace QaService.Answering;

/// <summary>Cleans a question typed or pasted by a person, or refuses it with a reason.</summary>
public static class QuestionText
{
    public static string Clean(string? question, int maxLength)
    {
        if (question is null || string.IsNullOrWhiteSpace(question))
        {
            throw new InvalidQuestionException("The question is empty.");
        }

        if (question.Length > maxLength)
        {
            throw new InvalidQuestionException($"The question is {question.Length} characters long; the limit is {maxLength}.");
        }

        var cleaned = new StringBuilder(question.Length);
        foreach (var c in question)
        {
            cleaned.Append(char.IsControl(c) || c == '\uFFFD' ? ' ' : c);
        }

        var text = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? throw new InvalidQuestionException("The question holds no readable text.") : text;
    }
}
