namespace QaService.Embeddings;

/// <summary>Embeddings of every sentence and passage of a corpus, by key, made by one model.</summary>
public sealed record StoredEmbeddings(string ModelId, float[][] Sentences, float[][] Passages);
