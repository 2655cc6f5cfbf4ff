using Microsoft.Extensions.Caching.Memory;

namespace QaService.Embeddings;

/// <summary>
/// Question vectors by question text, the most recent <see cref="Capacity"/> kept: a question asked again (the chat
/// page's starter questions are asked again and again) skips the encoders. The vectors are shared: read them only.
/// </summary>
public sealed class QuestionVectors(IEmbeddingModel model) : IDisposable
{
    /// <summary>About 3 MB of vectors at most.</summary>
    public const int Capacity = 1024;

    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>How many models' vectors each vector joins (see <see cref="IEmbeddingModel.Parts"/>).</summary>
    public int Parts => model.Parts;

    public float[] Get(string question, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(question, out float[]? vector))
        {
            return vector!;
        }

        vector = model.EncodeQuery(question, cancellationToken);
        return cache.Set(question, vector, OneEntry);
    }

    public void Dispose() => cache.Dispose();
}
