using System.Runtime.InteropServices;
using System.Text;

namespace QaService.Embeddings;

/// <summary>
/// <c>embeddings.bin</c> beside the Lucene files of a generation: a header naming the model and the corpus fingerprint,
/// then the vectors as little-endian floats. A header that names another model or corpus means "recompute".
/// </summary>
internal static class EmbeddingFile
{
    public const string FileName = "embeddings.bin";
    private const int Magic = 0x51414531; // "QAE1"

    public static StoredEmbeddings? TryRead(string folder, string modelId, string fingerprint, int sentences, int passages)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadString() != modelId || reader.ReadString() != fingerprint
                || reader.ReadInt32() != sentences || reader.ReadInt32() != passages)
            {
                return null;
            }

            var dimensions = reader.ReadInt32();
            return new StoredEmbeddings(modelId, ReadVectors(reader, sentences, dimensions), ReadVectors(reader, passages, dimensions));
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string folder, string fingerprint, StoredEmbeddings embeddings)
    {
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(embeddings.ModelId);
            writer.Write(fingerprint);
            writer.Write(embeddings.Sentences.Length);
            writer.Write(embeddings.Passages.Length);
            writer.Write(embeddings.Sentences.FirstOrDefault()?.Length ?? embeddings.Passages.FirstOrDefault()?.Length ?? 0);
            foreach (var vector in embeddings.Sentences.Concat(embeddings.Passages))
            {
                writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static float[][] ReadVectors(BinaryReader reader, int count, int dimensions)
    {
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new float[dimensions];
            var bytes = MemoryMarshal.AsBytes(vectors[i].AsSpan());
            if (reader.Read(bytes) != bytes.Length)
            {
                throw new EndOfStreamException();
            }
        }

        return vectors;
    }
}
