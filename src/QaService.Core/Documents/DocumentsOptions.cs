namespace QaService.Documents;

public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Whether the article shipped inside the service (id <c>article</c>) is answered over.</summary>
    public bool IncludeBuiltIn { get; set; } = true;

    /// <summary>Extra <c>.txt</c> or <c>.md</c> files; a source whose id is <c>article</c> replaces the built-in one.</summary>
    public List<DocumentSourceOptions> Sources { get; set; } = [];

    /// <summary>Whether <c>serve</c> watches the source files and rebuilds the index when one changes.</summary>
    public bool Watch { get; set; }
}

public sealed class DocumentSourceOptions
{
    public string Path { get; set; } = "";

    /// <summary>Defaults to the file name without its extension, lower-cased.</summary>
    public string? Id { get; set; }

    /// <summary>Defaults to the first Markdown heading, else the file name.</summary>
    public string? Title { get; set; }
}
