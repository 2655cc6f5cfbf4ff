using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace QaService.Embeddings;

/// <summary>
/// <c>embeddings.bin</c> beside the Lucene files of a generation: a header naming the model and the corpus fingerprint,
/// the sentence vectors as little-endian floats, then a SHA-256 of everything before it. A header that names another model or
/// corpus, or a checksum that does not match (a truncated or damaged file), means "recompute".
/// </summary>
internal static class EmbeddingFile
{
    public const string FileName = "embeddings.bin";
    private const int Magic = 0x51414533; // "QAE3"
    private const int ChecksumLength = SHA256.HashSizeInBytes;

    public static StoredEmbeddings? TryRead(string folder, string modelId, string fingerprint, int sentences)
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
            if (reader.ReadInt32() != Magic || reader.ReadString() != modelId || reader.ReadString() != fingerprint || reader.ReadInt32() != sentences)
            {
                return null;
            }

            var dimensions = reader.ReadInt32();
            var vectorBytes = content.Length - content.Position;
            if (dimensions <= 0 || vectorBytes != (long)sentences * dimensions * sizeof(float))
            {
                return null;
            }

            var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan((int)content.Position, (int)vectorBytes));
            return new StoredEmbeddings(modelId, Slice(floats, dimensions));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string folder, string fingerprint, StoredEmbeddings embeddings)
    {
        var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(embeddings.ModelId);
            writer.Write(fingerprint);
            writer.Write(embeddings.Sentences.Length);
            writer.Write(embeddings.Sentences.FirstOrDefault()?.Length ?? 0);
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
