namespace QaService.Documents;

/// <summary>A document the service answers over. <see cref="Text"/> is kept exactly as loaded: citations are offsets into it.</summary>
public sealed record SourceDocument(string Id, string Title, string Text)
{
    /// <summary>
    /// The lines of <see cref="Text"/> that are headings (a Markdown heading's text, a text file's <c># </c> line):
    /// they name a section, they do not say anything, so they never answer.
    /// </summary>
    public IReadOnlySet<string> Headings { get; init; } = new HashSet<string>();
}
