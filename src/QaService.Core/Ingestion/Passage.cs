namespace QaService.Ingestion;

/// <summary>A window of whole sentences of one paragraph; <c>document.Text[Start..End] == Text</c>.</summary>
public sealed record Passage(
    string Id,
    string DocumentId,
    int Ordinal,
    int Paragraph,
    int FirstSentence,
    int LastSentence,
    int Start,
    int End,
    string Text);
