using System.Collections.Concurrent;
using QaService.Embeddings;

namespace QaService.Tests.Embeddings;

/// <summary>
/// The real packaged model, counted: how many texts it was asked to embed at index time. Given a
/// <paramref name="modelId"/>, it poses as another model (same vectors, another identity).
/// </summary>
public sealed class CountingEmbeddingModel(string? modelId = null) : IEmbeddingModel
{
    private readonly PackagedEnsembleModel inner = new();
    private readonly ConcurrentQueue<string> documents = new();
    private readonly ConcurrentQueue<string> queries = new();

    public string ModelId => modelId ?? inner.ModelId;

    /// <summary>Every text passed to <see cref="EncodeDocuments"/>, in order.</summary>
    public IReadOnlyList<string> EncodedDocuments => documents.ToList();

    /// <summary>Every text passed to <see cref="EncodeQuery"/>, in order.</summary>
    public IReadOnlyList<string> EncodedQueries => queries.ToList();

    public float[][] EncodeDocuments(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        foreach (var text in texts)
        {
            documents.Enqueue(text);
        }

        return inner.EncodeDocuments(texts, progress, cancellationToken);
    }

    public float[] EncodeQuery(string text, CancellationToken cancellationToken)
    {
        queries.Enqueue(text);
        return inner.EncodeQuery(text, cancellationToken);
    }
}
