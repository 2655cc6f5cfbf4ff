using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace QaService.Embeddings;

/// <summary>
/// An ONNX sentence encoder shipped inside a NuGet package, loaded once per process on first use. The session is
/// thread-safe, so every host in the process shares it, and each run is single-threaded: callers get parallelism by
/// running batches side by side, which keeps every core busy on work that does not need to be split.
/// </summary>
internal sealed class PackagedEncoder(Func<SessionOptions, ISentenceEncoder> create, string queryPrefix)
{
    private static readonly Lock LoadGate = new();
    private readonly Lazy<ISentenceEncoder> encoder = new(() => Load(create), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Unit vectors of one batch of texts, in order; the batch should be short (see <see cref="EncodingBatches"/>).</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken) =>
        texts.Length == 0 ? [] : encoder.Value.Encode(texts, cancellationToken);

    public float[] EncodeQuery(string text, CancellationToken cancellationToken) =>
        encoder.Value.Encode([queryPrefix + text], cancellationToken)[0];

    private static ISentenceEncoder Load(Func<SessionOptions, ISentenceEncoder> create)
    {
        // One model at a time: loading holds three copies of a model for a moment, and two loads at once would double that peak.
        lock (LoadGate)
        {
            var loaded = create(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });

            // The package copies its ~90 MB model out of its assembly into a managed array, and the session makes its
            // own copy of that: give back both the array and the assembly's pages now, rather than hold three copies.
            AssemblyPages.Release(loaded.GetType().Assembly);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            NativeHeap.Trim();
            return loaded;
        }
    }
}
