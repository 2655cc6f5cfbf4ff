using System.Text;
using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Answering;

/// <summary>Cleans a question typed or pasted by a person, or refuses it with a reason.</summary>
public static partial class QuestionText
{
    // Full-width forms of ASCII ("Ｗｈｏ ｗｒｏｔｅ ｉｔ？"), as an East Asian keyboard types them, sit at a fixed offset from
    // their ASCII letters.
    private const int FirstFullWidth = 0xFF01;
    private const int LastFullWidth = 0xFF5E;
    private const int FullWidthOffset = 0xFEE0;

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
        Span<char> units = stackalloc char[2];
        foreach (var rune in TerminalSequence().Replace(question, "").EnumerateRunes())
        {
            // Invisible format characters (a zero-width space, a soft hyphen, a joiner, a tag) pasted inside a word
            // would split it.
            if (FormatCharacters.Is(rune))
            {
                continue;
            }

            if (rune.Value is >= FirstFullWidth and <= LastFullWidth)
            {
                cleaned.Append((char)(rune.Value - FullWidthOffset));
            }
            else if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || rune == Rune.ReplacementChar)
            {
                // Any kind of space (no-break, ideographic, line separator), a control character, or what could not be decoded.
                cleaned.Append(' ');
            }
            else
            {
                cleaned.Append(units[..rune.EncodeToUtf16(units)]);
            }
        }

        var text = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? throw new InvalidQuestionException("The question holds no readable text.") : text;
    }

    // A colour or cursor code copied from a terminal ("\u001b[31m"), or a terminal's hyperlink around words
    // ("\u001b]8;;https://…\u001b\\"): its escape alone would go, and "[31m" or the address stay in the question.
    [GeneratedRegex(@"\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)")]
    private static partial Regex TerminalSequence();
}
