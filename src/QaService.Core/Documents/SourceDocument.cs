namespace QaService.Documents;

/// <summary>A document the service answers over. <see cref="Text"/> is kept exactly as loaded: citations are offsets into it.</summary>
public sealed record SourceDocument(string Id, string Title, string Text);
