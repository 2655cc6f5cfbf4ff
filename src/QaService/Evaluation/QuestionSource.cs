namespace QaService.Host.Evaluation;

/// <summary>
/// Questions over one document: a <c>NAME.jsonl</c> beside its <c>NAME.txt</c>, or a question file about the
/// built-in article (<see cref="DocumentPath"/> null).
/// </summary>
internal sealed record QuestionSource(string Name, string? DocumentPath, string QuestionsPath)
{
    /// <summary>Every <c>NAME.txt</c> + <c>NAME.jsonl</c> pair of a folder, or a single question file about the built-in article.</summary>
    public static IReadOnlyList<QuestionSource> From(string path)
    {
        if (File.Exists(path))
        {
            return [new QuestionSource(Path.GetFileNameWithoutExtension(path), null, path)];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{Path.GetFullPath(path)} is neither a question file nor a folder of NAME.txt + NAME.jsonl pairs.");
        }

        var pairs = Directory.EnumerateFiles(path, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(text => (text, questions: Path.ChangeExtension(text, ".jsonl")))
            .Where(p => File.Exists(p.questions))
            .Select(p => new QuestionSource(Path.GetFileNameWithoutExtension(p.text), p.text, p.questions))
            .ToList();
        return pairs.Count > 0
            ? pairs
            : throw new FileNotFoundException($"{Path.GetFullPath(path)} holds no NAME.txt + NAME.jsonl pairs.");
    }
}
