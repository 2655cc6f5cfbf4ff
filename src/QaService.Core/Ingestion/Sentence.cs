namespace QaService.Ingestion;

/// <summary>One sentence of a document; <c>document.Text[Start..End] == Text</c>.</summary>
public sealed record Sentence(string DocumentId, int Ordinal, int Paragraph, int Start, int End, string Text);
