namespace QaService.Embeddings;

/// <summary>
/// Splits texts into fixed-size batches of similar length, longest first. A batch is padded to its longest text, so
/// grouping by length wastes little work on padding, and starting with the longest lets the short ones fill the cores
/// at the end. The size bounds the activations an encoder holds at once, whatever the number of texts.
/// </summary>
internal static class EncodingBatches
{
    // Measured with index.sh: 1, 2, 4 and 8 texts a batch embed at the same speed (the encoders are compute-bound),
    // and the peak memory of a build falls with the size (Huguenot 584 MB at 8, 559 MB at 4).
    public const int Size = 4;

    /// <summary>The indices of <paramref name="texts"/>, batch by batch.</summary>
    public static int[][] Plan(IReadOnlyList<string> texts, int size = Size)
    {
        var byLength = Enumerable.Range(0, texts.Count).OrderByDescending(i => texts[i].Length).ToArray();
        return byLength.Chunk(size).ToArray();
    }
}
