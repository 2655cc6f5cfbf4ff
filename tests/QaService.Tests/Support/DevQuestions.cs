using System.Text.Json;
using System.Text.RegularExpressions;

namespace QaService.Tests.Support;

/// <summary>A single-turn question of the development set, read from its copy in <c>tests/data</c>.</summary>
public sealed record DevQuestion(string Id, string Kind, string Question, IReadOnlyList<IReadOnlyList<string>> AnswerKeys)
{
    public bool IsAnswerable => Kind == "answerable";

    /// <summary>The eval script's rule: every key group has an alternative that occurs in the answer.</summary>
    public bool IsAnsweredBy(string answer)
    {
        var normalized = DevQuestions.Normalize(answer);
        return AnswerKeys.All(group => group.Any(key => normalized.Contains(DevQuestions.Normalize(key), StringComparison.Ordinal)));
    }

    public override string ToString() => $"{Id}: {Question}";
}

public static partial class DevQuestions
{
    private static readonly Lazy<Dictionary<string, DevQuestion>> All = new(Read);

    public static DevQuestion Get(string id) =>
        All.Value.TryGetValue(id, out var question)
            ? question
            : throw new KeyNotFoundException($"{RepositoryPaths.DevQuestions} has no single-turn question '{id}'.");

    internal static string Normalize(string text)
    {
        text = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"');
        return Spaces().Replace(NotWord().Replace(text, " "), " ").Trim();
    }

    private static Dictionary<string, DevQuestion> Read()
    {
        var questions = new Dictionary<string, DevQuestion>();
        foreach (var line in File.ReadLines(RepositoryPaths.DevQuestions).Where(l => l.Trim().Length > 0))
        {
            var item = JsonDocument.Parse(line).RootElement;
            if (!item.TryGetProperty("question", out var question))
            {
                continue; // a dialog: its turns are judged together, not one by one
            }

            var keys = item.TryGetProperty("answer_keys", out var groups) && groups.ValueKind == JsonValueKind.Array
                ? groups.EnumerateArray().Select(g => (IReadOnlyList<string>)g.EnumerateArray().Select(k => k.GetString()!).ToList()).ToList()
                : [];
            var id = item.GetProperty("id").GetString()!;
            questions[id] = new DevQuestion(id, item.GetProperty("kind").GetString()!, question.GetString()!, keys);
        }

        return questions;
    }

    [GeneratedRegex(@"[^\w'"" ]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
