using QaService.Documents;

namespace QaService.Benchmarks;

/// <summary>
/// Many documents made from real paragraphs: the SQuAD articles in <c>../shared/eval/squad</c> when that folder is
/// beside the repository, else the built-in article (always there, so the benchmark runs from a plain clone). Document
/// <c>i</c> is paragraph <c>i mod n</c> with its sentences rotated by <c>i / n</c>, so copies of a paragraph differ.
/// </summary>
internal sealed class ScaleCorpus
{
    private ScaleCorpus(string source, IReadOnlyList<string> paragraphs)
    {
        Source = source;
        Paragraphs = paragraphs;
    }

    /// <summary>Where the paragraphs came from, for the report.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Paragraphs { get; }

    public static ScaleCorpus Load()
    {
        var squad = FindUpwards(Path.Combine("shared", "eval", "squad"));
        if (squad is not null)
        {
            var files = Directory.EnumerateFiles(squad, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var paragraphs = files.SelectMany(f => SplitParagraphs(File.ReadAllText(f))).ToList();
            return new ScaleCorpus($"{paragraphs.Count} paragraphs of the {files.Count} SQuAD articles in {squad}", paragraphs);
        }

        var article = SplitParagraphs(BuiltInDocument.Text).ToList();
        return new ScaleCorpus($"{article.Count} paragraphs of the built-in article (../shared/eval/squad not found)", article);
    }

    /// <summary>Writes <paramref name="count"/> documents as .txt files into <paramref name="folder"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sentences = Paragraphs[i % Paragraphs.Count].Split(". ");
            var shift = i / Paragraphs.Count % sentences.Length;
            var text = string.Join(". ", sentences[shift..].Concat(sentences[..shift]));
            var path = Path.Combine(folder, $"doc{i:D5}.txt");
            File.WriteAllText(path, text + "\n");
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Questions made of a few words from sentences of the paragraphs, so each finds something.</summary>
    public IReadOnlyList<string> Questions(int count)
    {
        var random = new Random(13);
        var questions = new List<string>(count);
        while (questions.Count < count)
        {
            var words = Paragraphs[random.Next(Paragraphs.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = random.Next(Math.Max(1, words.Length - 8));
            questions.Add("What about " + string.Join(' ', words.Skip(start).Take(4 + random.Next(4))) + "?");
        }

        return questions;
    }

    private static IEnumerable<string> SplitParagraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 80);

    private static string? FindUpwards(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
