namespace QaService.Embeddings;

/// <summary>
/// Splits texts into fixed-size batches of similar length, longest first. A batch is padded to its longest text, so
/// grouping by length wastes little work on padding, and starting with the longest lets the short ones fill the cores
/// at the end. The size bounds the activations an encoder holds at once, whatever the number of texts.
/// </summary>
internal static class EncodingBatches
{
    // One text a run. The encoders quantize their activations per run (see Int8Weights), so in a batch of several a
    // text's vector would shift with its neighbours' (cosine 0.992 for MiniLM); alone, a sentence gets the vector it
    // gets anywhere else, as a question does. Measured: 1 and 4 texts a run embed at the same speed, 8 slower.
    public const int Size = 1;

    /// <summary>The indices of <paramref name="texts"/>, batch by batch.</summary>
    public static int[][] Plan(IReadOnlyList<string> texts, int size = Size)
    {
        var byLength = Enumerable.Range(0, texts.Count).OrderByDescending(i => texts[i].Length).ToArray();
        return byLength.Chunk(size).ToArray();
    }
}
