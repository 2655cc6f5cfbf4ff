using QaService.Documents;

namespace QaService.Ingestion;

public sealed record ChunkedDocument(SourceDocument Document, IReadOnlyList<Sentence> Sentences, IReadOnlyList<Passage> Passages);
