using System.Globalization;
using System.Text;

namespace QaService.Answering;

/// <summary>Cleans a question typed or pasted by a person, or refuses it with a reason.</summary>
public static class QuestionText
{
    // Full-width forms of ASCII ("Ｗｈｏ ｗｒｏｔｅ ｉｔ？"), as an East Asian keyboard types them, sit at a fixed offset from
    // their ASCII letters; the ideographic space is their space.
    private const char FirstFullWidth = '\uFF01';
    private const char LastFullWidth = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

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
            // Invisible format characters (a zero-width space, a soft hyphen, a joiner) pasted inside a word would split it.
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            cleaned.Append(c switch
            {
                >= FirstFullWidth and <= LastFullWidth => (char)(c - FullWidthOffset),
                IdeographicSpace or '\uFFFD' => ' ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        var text = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? throw new InvalidQuestionException("The question holds no readable text.") : text;
    }
}
