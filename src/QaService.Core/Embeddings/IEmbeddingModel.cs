namespace QaService.Embeddings;

/// <summary>
/// A sentence-embedding model that runs in-process and returns unit vectors, so a dot product is the cosine.
/// Queries and documents are encoded apart because retrieval models may treat them differently.
/// </summary>
public interface IEmbeddingModel
{
    /// <summary>Names the model and its version; stored embeddings made by another model are recomputed.</summary>
    string ModelId { get; }

    /// <summary>The vectors of <paramref name="texts"/>, in order; <paramref name="progress"/> hears how many are done.</summary>
    float[][] EncodeDocuments(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken);

    float[] EncodeQuery(string text, CancellationToken cancellationToken);

    /// <summary>
    /// How many models' unit vectors, each scaled by 1/√<see cref="Parts"/>, a vector joins end to end (equal lengths):
    /// the dot product of one part, times <see cref="Parts"/>, is that model's own cosine.
    /// </summary>
    int Parts => 1;
}
