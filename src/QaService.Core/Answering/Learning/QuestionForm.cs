namespace QaService.Answering.Learning;

/// <summary>
/// The question word a question opens with (or leads its clause), as a small code the models split on: what, which,
/// who, whose, when, where, why, how, how many, how much, how long, other "how …", or none (a yes/no question or a
/// request).
/// </summary>
internal static class QuestionForm
{
    /// <summary>How many codes <see cref="Of"/> gives (0 to 13).</summary>
    public const int Codes = 14;

    private static readonly string[] Words = ["what", "which", "who", "whose", "whom", "when", "where", "why", "how"];

    public static int Of(string question)
    {
        var words = question.ToLowerInvariant()
            .Split([' ', '\t', '\n', ',', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var index = Array.IndexOf(Words, words[i]);
            if (index < 0)
            {
                continue;
            }

            if (words[i] != "how" || i + 1 >= words.Length)
            {
                return index + 1;
            }

            return words[i + 1] switch
            {
                "many" => 10,
                "much" => 11,
                "long" => 12,
                "old" or "far" or "big" or "large" or "tall" or "high" => 13,
                _ => index + 1,
            };
        }

        return 0;
    }
}
