using System.Text.Json;

namespace QaService.Host.Evaluation;

/// <summary>
/// Reads a question file (one JSON object per line, the format of <c>shared/eval/*.jsonl</c>) and says which line is
/// wrong, and how, rather than letting a malformed line surface later as a crash.
/// </summary>
internal static class QuestionFile
{
    private static readonly string[] Kinds = ["answerable", "unanswerable", "dialog"];

    /// <summary>
    /// Every file of <paramref name="paths"/>, read before any document is indexed; or what is wrong with the first
    /// malformed one.
    /// </summary>
    public static (IReadOnlyList<IReadOnlyList<EvalItem>> Files, string? Problem) ReadAll(IEnumerable<string> paths)
    {
        try
        {
            return ([.. paths.Select(Read)], null);
        }
        catch (QuestionFileException e)
        {
            return ([], e.Message);
        }
    }

    public static IReadOnlyList<EvalItem> Read(string path)
    {
        var items = new List<EvalItem>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // Parsed on its own first, so a line cut short is "not valid JSON" rather than a field of the wrong type.
            JsonDocument parsed;
            try
            {
                parsed = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                throw Invalid(path, number, "not valid JSON");
            }

            EvalItem? item;
            using (parsed)
            {
                try
                {
                    item = parsed.Deserialize<EvalItem>(JsonSerializerOptions.Web);
                }
                catch (JsonException e)
                {
                    var field = e.Path is null or "$" ? "a field" : $"'{e.Path.TrimStart('$', '.')}'";
                    throw Invalid(path, number, $"{field} has a value of the wrong type");
                }
            }

            if ((item is null ? "null is not a question" : Problem(item)) is { } problem)
            {
                throw Invalid(path, number, problem);
            }

            items.Add(item!);
        }

        return items.Count > 0 ? items : throw new QuestionFileException($"{path} holds no questions.");
    }

    private static string? Problem(EvalItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Id))
        {
            return "'id' is missing or empty";
        }

        if (!Kinds.Contains(item.Kind))
        {
            return $"'kind' must be answerable, unanswerable or dialog{(item.Kind is null ? "" : $", not '{item.Kind}'")}";
        }

        if (item.Kind == "dialog")
        {
            return item.Turns is not { Count: > 0 } ? "a dialog needs a non-empty 'turns' list"
                : item.Turns.Any(t => t is null) ? "'turns' holds a null"
                : item.Turns.Select((t, i) => TurnProblem(t.Question, t.Evidence, t.AnswerKeys, required: true) is { } p ? $"turn {i + 1}: {p}" : null)
                    .FirstOrDefault(p => p is not null);
        }

        return TurnProblem(item.Question, item.Evidence, item.AnswerKeys, required: item.Kind == "answerable");
    }

    private static string? TurnProblem(string? question, IReadOnlyList<string>? evidence, IReadOnlyList<IReadOnlyList<string>>? keys, bool required) =>
        string.IsNullOrWhiteSpace(question) ? "'question' is missing or empty"
        : evidence?.Any(e => e is null) == true ? "'evidence' holds a null"
        : required && keys is not { Count: > 0 } ? "'answer_keys' is missing or empty"
        : keys?.Any(k => k is null || k.Count == 0 || k.Any(s => string.IsNullOrEmpty(s))) == true ? "'answer_keys' must be lists of non-empty strings"
        : null;

    private static QuestionFileException Invalid(string path, int line, string problem) => new($"{path}, line {line}: {problem}.");
}
