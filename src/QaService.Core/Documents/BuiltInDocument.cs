namespace QaService.Documents;

public static class BuiltInDocument
{
    public const string Id = "article";
    public const string Title = "Pezeshkian's visit to Pakistan after two wars";

    private static readonly Lazy<string> LazyText = new(ReadText);

    /// <summary>The article exactly as shipped, byte for byte decoded as UTF-8.</summary>
    public static string Text => LazyText.Value;

    public static SourceDocument Document => new(Id, Title, Text);

    private static string ReadText()
    {
        using var stream = typeof(BuiltInDocument).Assembly.GetManifestResourceStream("QaService.Documents.article.txt")
            ?? throw new InvalidOperationException("The built-in article is missing from the assembly.");
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
