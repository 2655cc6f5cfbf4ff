using System.Text.RegularExpressions;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Answering;

/// <summary>Whether a sentence holds the kind of thing a question asks for: a count, a duration, a date, a name, a reason.</summary>
public static partial class AnswerTypeMatcher
{
    /// <summary>1 when the sentence clearly holds the wanted kind of answer, 0.5 when it holds something close, else 0.</summary>
    public static double Match(string sentence, QuestionAnalysis question) => question.AnswerType switch
    {
        AnswerType.Count => CountMatch(WordsAfterNumbers(sentence), question.CountedTerms),
        AnswerType.Duration => Duration().IsMatch(sentence) ? 1 : 0,
        AnswerType.Time => Date().IsMatch(sentence) ? 1 : 0,
        AnswerType.Person => NamedThings(sentence) switch { >= 2 => 1, 1 => 0.5, _ => 0 },
        AnswerType.Place => NamedThings(sentence) > 0 ? 1 : 0,
        AnswerType.Reason => Reason().IsMatch(sentence) ? 1 : 0.5,
        _ => 0.5,
    };

    /// <summary>Whether the kind of answer is a hard requirement: without it the article does not answer.</summary>
    public static bool IsRequired(AnswerType type) => type is AnswerType.Count or AnswerType.Duration or AnswerType.Time;

    /// <summary>
    /// How a sentence holding <paramref name="afterNumbers"/> fits a question counting <paramref name="counted"/>: 1
    /// when a number counts one of them (or the question names nothing counted), 0.25 for a number that counts
    /// something else, 0 for no number.
    /// </summary>
    /// <param name="afterNumbers">The sentence's <see cref="WordsAfterNumbers"/>.</param>
    public static double CountMatch(IReadOnlyList<string[]> afterNumbers, IReadOnlyList<string> counted)
    {
        if (afterNumbers.Count == 0)
        {
            return 0;
        }

        return counted.Count == 0 || afterNumbers.Any(terms => terms.Any(counted.Contains)) ? 1 : 0.25;
    }

    /// <summary>For each number in the sentence that is not a year, the terms of the (up to) four words after it: what it counts.</summary>
    public static IReadOnlyList<string[]> WordsAfterNumbers(string sentence)
    {
        var words = Words().Matches(sentence).Select(m => m.Value).ToList();
        var afterNumbers = new List<string[]>();
        for (var i = 0; i < words.Count; i++)
        {
            if (IsNumber(words[i]) && !IsYear(words[i]))
            {
                afterNumbers.Add([.. TextAnalyzer.Instance.Terms(string.Join(' ', words.Skip(i + 1).Take(4)))]);
            }
        }

        return afterNumbers;
    }

    private static bool IsNumber(string word) =>
        char.IsDigit(word[0]) || NumberWordFilter.TryGetValue(word, out _);

    private static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, out var year) && year is >= 1000 and <= 2100;

    private static int NamedThings(string sentence)
    {
        var words = Words().Matches(sentence).Select(m => m.Value).ToList();
        return words.Skip(1).Count(w => char.IsUpper(w[0]));
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|many)[-\s](day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes|decade|decades)\b|\blasted\b|\bfor\s+(days|weeks|months|years|decades)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\b|\b(1[0-9]|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\blast\s+(week|month|year)\b", RegexOptions.None)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(because|due to|since|as a result|in order to|so that|in response|owing to|aimed at|for fear)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();
}
