using System.Text.RegularExpressions;

namespace QaService.Host.Web;

/// <summary>
/// Derives a few starter questions from a document's own sentences, so the chat page can suggest questions for any
/// document: about its most mentioned names, about a span of time it states ("a 12-day conflict") and about a year.
/// </summary>
internal static partial class StarterQuestions
{
    /// <param name="noun">What the document is called in a question: "article" for the built-in one, else "document".</param>
    public static IReadOnlyList<string> From(IReadOnlyList<string> sentences, string noun, int limit = 4)
    {
        var names = Names(sentences).Select(n => $"What does the {noun} say about {n}?").ToList();
        var duration = sentences.Select(s => Duration().Match(s)).FirstOrDefault(m => m.Success);
        var year = sentences.Select(s => Year().Match(s)).FirstOrDefault(m => m.Success);

        var questions = new List<string>();
        questions.AddRange(names.Take(1));
        if (duration is not null)
        {
            questions.Add($"How long did the {duration.Groups["noun"].Value} last?");
        }

        if (year is not null)
        {
            questions.Add($"What took place in {year.Value}?");
        }

        questions.AddRange(names.Skip(1));
        return questions.Distinct().Take(limit).ToList();
    }

    /// <summary>
    /// Proper names of two or more words, most mentioned first. A name is a run of capitalised words; a leading word
    /// that the text also uses in lower case ("The") or that is only capitalised because it starts a sentence is dropped.
    /// </summary>
    internal static IReadOnlyList<string> Names(IReadOnlyList<string> sentences)
    {
        var text = string.Join('\n', sentences);
        var lowerWords = Word().Matches(text).Select(m => m.Value).Where(w => !char.IsUpper(w[0])).ToHashSet();
        var runs = sentences.SelectMany(CapitalisedRuns).ToList();
        var capitalisedInside = runs.SelectMany(r => r.Words.Skip(r.StartsSentence ? 1 : 0)).ToHashSet();

        var names = new List<(string Name, int Count, int Order)>();
        foreach (var (words, startsSentence) in runs)
        {
            var skip = 0;
            while (skip < words.Count
                   && (lowerWords.Contains(words[skip].ToLowerInvariant()) || (skip == 0 && startsSentence && !capitalisedInside.Contains(words[0]))))
            {
                skip++;
            }

            // Of a run's endings ("Iranian President Masoud Pezeshkian", "President Masoud Pezeshkian", ...), the one
            // the text mentions most is the name; on a tie, the longer.
            var best = Enumerable.Range(skip, Math.Max(0, words.Count - skip - 1))
                .Select(from => string.Join(' ', words.Skip(from)))
                .Select(name => (Name: name, Count: CountMentions(text, name)))
                .OrderByDescending(c => c.Count)
                .ThenByDescending(c => c.Name.Length)
                .FirstOrDefault();
            if (best.Name is not null && names.All(n => n.Name != best.Name))
            {
                names.Add((best.Name, best.Count, names.Count));
            }
        }

        return names.OrderByDescending(n => n.Count).ThenBy(n => n.Order).Select(n => n.Name).ToList();
    }

    private static IEnumerable<(List<string> Words, bool StartsSentence)> CapitalisedRuns(string sentence)
    {
        var run = new List<string>();
        var runStartsSentence = false;
        var previousEnd = -1;
        var first = true;
        foreach (Match word in Word().Matches(sentence))
        {
            var joined = previousEnd >= 0 && word.Index == previousEnd + 1 && sentence[previousEnd] == ' ';
            if (!joined && run.Count > 0)
            {
                yield return (run, runStartsSentence);
                run = [];
            }

            var value = word.Value;
            var possessive = value.EndsWith("’s", StringComparison.Ordinal) || value.EndsWith("'s", StringComparison.Ordinal);
            if (char.IsUpper(value[0]))
            {
                runStartsSentence = run.Count == 0 ? first : runStartsSentence;
                run.Add(possessive ? value[..^2] : value);
                previousEnd = possessive ? -1 : word.Index + word.Length;
            }
            else
            {
                if (run.Count > 0)
                {
                    yield return (run, runStartsSentence);
                    run = [];
                }

                previousEnd = -1;
            }

            first = false;
        }

        if (run.Count > 0)
        {
            yield return (run, runStartsSentence);
        }
    }

    private static int CountMentions(string text, string name) =>
        Regex.Count(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])");

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}’'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(hour|day|week|month|year)\s+(?<noun>\p{Ll}{3,})\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\d,.])\b(1[5-9]\d\d|20\d\d)\b(?![\d,.]\d)")]
    private static partial Regex Year();
}
