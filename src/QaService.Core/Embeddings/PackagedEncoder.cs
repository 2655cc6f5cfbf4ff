using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace QaService.Embeddings;

/// <summary>
/// An ONNX sentence encoder shipped inside a NuGet package, loaded once per process on first use (the session is
/// immutable and thread-safe, so every host in the process shares it) with single-threaded inference.
/// </summary>
internal sealed class PackagedEncoder(Func<SessionOptions, ISentenceEncoder> create, string queryPrefix)
{
    private readonly Lazy<ISentenceEncoder> encoder = new(
        () => create(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        texts.Count == 0 ? [] : encoder.Value.Encode([.. texts], cancellationToken);

    public float[] EncodeQuery(string text, CancellationToken cancellationToken) =>
        encoder.Value.Encode([queryPrefix + text], cancellationToken)[0];
}
