namespace QaService.Host.Evaluation;

/// <summary>
/// Questions over one document: a <c>NAME.jsonl</c> beside its <c>NAME.txt</c>, or a question file with no document
/// beside it, about the built-in article (<see cref="DocumentPath"/> null).
/// </summary>
internal sealed record QuestionSource(string Name, string? DocumentPath, string QuestionsPath)
{
    /// <summary>
    /// Every <c>NAME.txt</c> + <c>NAME.jsonl</c> pair of a folder (<paramref name="skipped"/> gets each file left
    /// without its pair), or one question file: over the <c>NAME.txt</c> beside it, else the built-in article.
    /// </summary>
    public static IReadOnlyList<QuestionSource> From(string path, Action<string> skipped)
    {
        if (File.Exists(path))
        {
            var document = Path.ChangeExtension(path, ".txt");
            return [new QuestionSource(Path.GetFileNameWithoutExtension(path), File.Exists(document) && document != path ? document : null, path)];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{Path.GetFullPath(path)} is neither a question file nor a folder of NAME.txt + NAME.jsonl pairs.");
        }

        var texts = Directory.EnumerateFiles(path, "*.txt").Order(StringComparer.Ordinal).ToList();
        var questionFiles = Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        foreach (var alone in texts.Where(t => !questionFiles.Contains(Path.ChangeExtension(t, ".jsonl")))
                     .Concat(questionFiles.Where(q => !texts.Contains(Path.ChangeExtension(q, ".txt")))))
        {
            skipped(alone);
        }

        var pairs = texts
            .Where(text => questionFiles.Contains(Path.ChangeExtension(text, ".jsonl")))
            .Select(text => new QuestionSource(Path.GetFileNameWithoutExtension(text), text, Path.ChangeExtension(text, ".jsonl")))
            .ToList();
        return pairs.Count > 0
            ? pairs
            : throw new FileNotFoundException($"{Path.GetFullPath(path)} holds no NAME.txt + NAME.jsonl pairs.");
    }

    /// <summary>Like <see cref="From(string, Action{string})"/>, saying on standard error which files are left out.</summary>
    public static IReadOnlyList<QuestionSource> From(string path) =>
        From(path, alone => Console.Error.WriteLine($"warning: {alone} is left out: it has no {(alone.EndsWith(".txt", StringComparison.Ordinal) ? "NAME.jsonl" : "NAME.txt")} beside it."));
}
