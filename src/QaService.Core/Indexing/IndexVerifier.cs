using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace QaService.Indexing;

/// <summary>
/// Proves a generation's Lucene files whole with Lucene's own checksums: every file of the latest commit (and
/// <c>segments.gen</c>) ends in a codec footer holding the CRC-32 of all bytes before it. A flipped byte, a truncated
/// or a missing file throws.
/// </summary>
internal static class IndexVerifier
{
    public static void Verify(Lucene.Net.Store.Directory directory)
    {
        var commit = new SegmentInfos();
        commit.Read(directory);
        var files = commit.GetFiles(directory, includeSegmentsFile: true).ToList();
        if (directory.ListAll().Contains(IndexFileNames.SEGMENTS_GEN, StringComparer.Ordinal))
        {
            files.Add(IndexFileNames.SEGMENTS_GEN);
        }

        foreach (var file in files)
        {
            using var input = directory.OpenInput(file, IOContext.READ_ONCE);
            CodecUtil.ChecksumEntireFile(input);
        }
    }

    /// <summary>Why the generation is damaged, or null when every checksum holds.</summary>
    public static string? FindDamage(Lucene.Net.Store.Directory directory)
    {
        try
        {
            Verify(directory);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.Message;
        }
    }
}
