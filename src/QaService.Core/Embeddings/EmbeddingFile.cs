using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace QaService.Embeddings;

/// <summary>
/// <c>embeddings.bin</c> beside the Lucene files of a generation: a header naming the model and the corpus fingerprint,
/// a 64-bit hash of each sentence's text, the sentence vectors as little-endian floats, then a SHA-256 of everything
/// before it. A header that names another model or corpus, or a checksum that does not match (a truncated or damaged
/// file), means "recompute"; the hashes let the next generation take the vectors of the sentences it still has.
/// </summary>
internal static class EmbeddingFile
{
    public const string FileName = "embeddings.bin";
    private const int Magic = 0x51414534; // "QAE4"
    private const int ChecksumLength = SHA256.HashSizeInBytes;

    public static StoredEmbeddings? TryRead(string folder, string modelId, string fingerprint, int sentences) =>
        TryReadContent(folder, modelId, fingerprint) is { } content && content.Vectors.Length == sentences
            ? new StoredEmbeddings(modelId, content.Vectors)
            : null;

    /// <summary>
    /// The vectors a generation holds for the texts whose hashes are in <paramref name="wanted"/> (made by
    /// <paramref name="modelId"/>), by hash; empty when the file is missing, damaged or from another model.
    /// </summary>
    public static Dictionary<ulong, float[]> ReadReusable(string folder, string modelId, IReadOnlySet<ulong> wanted)
    {
        var reusable = new Dictionary<ulong, float[]>();
        if (TryReadContent(folder, modelId, fingerprint: null) is { } content)
        {
            for (var i = 0; i < content.Vectors.Length; i++)
            {
                if (wanted.Contains(content.Hashes[i]))
                {
                    reusable[content.Hashes[i]] = content.Vectors[i];
                }
            }
        }

        return reusable;
    }

    /// <summary>The hash a sentence's text is stored under.</summary>
    public static ulong HashOf(string text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));

    private static (ulong[] Hashes, float[][] Vectors)? TryReadContent(string folder, string modelId, string? fingerprint)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < ChecksumLength || !SHA256.HashData(bytes.AsSpan(..^ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(^ChecksumLength..)))
            {
                return null;
            }

            var content = new MemoryStream(bytes, 0, bytes.Length - ChecksumLength, writable: false);
            using var reader = new BinaryReader(content, Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadString() != modelId || reader.ReadString() is var stored && fingerprint is not null && stored != fingerprint)
            {
                return null;
            }

            var sentences = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            var hashBytes = (long)sentences * sizeof(ulong);
            var vectorBytes = content.Length - content.Position - hashBytes;
            if (sentences < 0 || dimensions <= 0 || vectorBytes != (long)sentences * dimensions * sizeof(float))
            {
                return null;
            }

            var hashes = MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan((int)content.Position, (int)hashBytes)).ToArray();
            var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan((int)(content.Position + hashBytes), (int)vectorBytes));
            return (hashes, Slice(floats, dimensions));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <param name="texts">The sentences' texts, in the order of their vectors.</param>
    public static void Write(string folder, string fingerprint, StoredEmbeddings embeddings, IReadOnlyList<string> texts)
    {
        if (texts.Count != embeddings.Sentences.Length)
        {
            throw new ArgumentException($"{texts.Count} texts for {embeddings.Sentences.Length} vectors.", nameof(texts));
        }

        var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(embeddings.ModelId);
            writer.Write(fingerprint);
            writer.Write(embeddings.Sentences.Length);
            writer.Write(embeddings.Sentences.FirstOrDefault()?.Length ?? 0);
            foreach (var text in texts)
            {
                writer.Write(HashOf(text));
            }

            foreach (var vector in embeddings.Sentences)
            {
                writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            file.Write(content.GetBuffer().AsSpan(0, (int)content.Length));
            file.Write(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static float[][] Slice(ReadOnlySpan<float> floats, int dimensions)
    {
        var vectors = new float[floats.Length / dimensions][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = floats.Slice(i * dimensions, dimensions).ToArray();
        }

        return vectors;
    }
}
