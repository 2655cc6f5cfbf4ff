namespace QaService.Indexing;

public sealed record IndexBuildReport(
    bool Reused,
    string Path,
    int Documents,
    int Passages,
    int Sentences,
    TimeSpan Elapsed,
    string? RebuildReason);
