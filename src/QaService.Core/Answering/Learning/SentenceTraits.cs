using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Answering.Learning;

/// <summary>What kinds of thing a sentence holds: numbers, years, dates, amounts.</summary>
internal readonly partial record struct SentenceTraits(int Tokens, int Numbers, int Years, int Dates, int PercentOrMoney)
{
    public static SentenceTraits Of(string sentence)
    {
        var tokens = 0;
        var numbers = 0;
        var years = 0;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tokens++;
            var bare = word.Trim(',', '.', ';', ':', '(', ')', '"', '\'', '“', '”');
            if (bare.Length == 0)
            {
                continue;
            }

            if (char.IsDigit(bare[0]) || NumberWordFilter.TryGetValue(bare.ToLowerInvariant(), out _))
            {
                numbers++;
                if (bare.Length == 4 && int.TryParse(bare, out var year) && year is >= 1000 and <= 2099)
                {
                    years++;
                }
            }
        }

        return new SentenceTraits(tokens, numbers, years, Month().Count(sentence), Amount().Count(sentence));
    }

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"[%$£€¥]|\b(percent|per cent|dollars?|pounds?|euros?|million|billion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
