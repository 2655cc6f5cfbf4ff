using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace QaService.Embeddings;

/// <summary>An ONNX sentence encoder shipped inside a NuGet package, loaded on first use with single-threaded inference.</summary>
internal sealed class PackagedEncoder(Func<SessionOptions, ISentenceEncoder> create, string queryPrefix) : IDisposable
{
    private readonly Lazy<ISentenceEncoder> encoder = new(
        () => create(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        texts.Count == 0 ? [] : encoder.Value.Encode([.. texts], cancellationToken);

    public float[] EncodeQuery(string text, CancellationToken cancellationToken) =>
        encoder.Value.Encode([queryPrefix + text], cancellationToken)[0];

    public void Dispose()
    {
        if (encoder.IsValueCreated && encoder.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
