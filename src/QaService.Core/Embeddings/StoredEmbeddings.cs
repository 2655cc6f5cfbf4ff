namespace QaService.Embeddings;

/// <summary>
/// Embeddings of every sentence of a corpus, by key, made by one model. Passages have none of their own: a passage is
/// as close to a question as its closest sentence (see <see cref="DenseScorer"/>).
/// </summary>
public sealed record StoredEmbeddings(string ModelId, float[][] Sentences);
