using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QaService.Documents;

/// <summary>Reads the configured documents: the built-in article plus any <c>Documents:Sources</c> files.</summary>
public sealed class DocumentLoader(IOptions<DocumentsOptions> options, IHostEnvironment environment)
{
    private static readonly string[] SupportedExtensions = [".txt", ".md"];

    /// <summary>The largest document file read: ten times the largest SQuAD article set here, all in one file.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public IReadOnlyList<SourceDocument> Load()
    {
        var documents = new List<SourceDocument>();
        if (options.Value.IncludeBuiltIn)
        {
            documents.Add(BuiltInDocument.Document);
        }

        foreach (var source in options.Value.Sources)
        {
            var document = LoadFile(source);

            // A source may take the built-in article's id, and then replaces it (two sources may not share one: see
            // DocumentsOptionsValidator).
            documents.RemoveAll(d => d.Id == document.Id);
            documents.Add(document);
        }

        if (documents.Count == 0)
        {
            throw new DocumentLoadException("No documents to answer over: Documents:IncludeBuiltIn is false and Documents:Sources is empty.");
        }

        return documents;
    }

    public string ResolvePath(string path) => Path.GetFullPath(path, environment.ContentRootPath);

    internal static bool IsSupported(string path) =>
        SupportedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private SourceDocument LoadFile(DocumentSourceOptions source)
    {
        var path = ResolvePath(source.Path);
        if (!IsSupported(path))
        {
            throw new DocumentLoadException($"Document '{source.Path}' is not a .txt or .md file.");
        }

        string text;
        try
        {
            // A pipe or a device reports no length and would block the read or never end it: nothing of length zero is
            // opened. A link is sized by what it points at.
            var file = new FileInfo(path);
            var length = (file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length;
            if (length == 0)
            {
                throw new DocumentLoadException($"Document '{source.Path}' is empty, or is not a regular file.");
            }

            if (length > MaxFileBytes)
            {
                throw new DocumentLoadException($"Document '{source.Path}' is over {MaxFileBytes / (1024 * 1024)} MB, the largest a document may be.");
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new DocumentLoadException($"Document '{source.Path}' could not be read: {e.Message}", e);
        }

        var title = string.IsNullOrWhiteSpace(source.Title) ? null : source.Title.Trim();
        IReadOnlySet<string> headings;
        if (Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                (text, var heading, headings) = MarkdownText.Read(text);
                title ??= heading ?? Path.GetFileNameWithoutExtension(path);
            }
            catch (ArgumentException e)
            {
                // Markdig refuses blocks or emphasis nested past its depth limit.
                throw new DocumentLoadException($"Document '{source.Path}' could not be read as Markdown: {e.Message}", e);
            }
        }
        else
        {
            headings = text.Split('\n').Select(l => l.Trim()).Where(IsTextHeading).ToHashSet(StringComparer.Ordinal);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentLoadException($"Document '{source.Path}' is empty.");
        }

        return new SourceDocument(IdOf(source, path), title ?? DefaultTitle(path, text), text) { Headings = headings };
    }

    /// <summary>A text file's "# Title" line; not "# of attendees: 40" or "# 2 is next.", which say something.</summary>
    private static bool IsTextHeading(string line) =>
        line.StartsWith("# ", StringComparison.Ordinal) && line.Length > 2 && char.IsLetter(line[2]) && !line.Contains(':') && !char.IsPunctuation(line[^1]);

    /// <summary>The source's id: the one given, else one made from its file name.</summary>
    internal static string IdOf(DocumentSourceOptions source, string path) =>
        string.IsNullOrWhiteSpace(source.Id) ? DefaultId(path) : source.Id.Trim();

    private static string DefaultId(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var id = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return id.Length == 0 ? "document" : id;
    }

    private static string DefaultTitle(string path, string text)
    {
        var heading = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        return heading is null ? Path.GetFileNameWithoutExtension(path) : heading[2..].Trim();
    }
}
