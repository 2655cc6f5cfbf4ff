namespace QaService.Embeddings;

/// <summary>How far an index build has got with its embeddings: texts embedded by every model, out of the total.</summary>
public readonly record struct EmbeddingProgress(int Embedded, int Total);
