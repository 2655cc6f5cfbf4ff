namespace QaService.Indexing;

/// <summary>Field names of the Lucene index and the version of its layout; bump the version to force a rebuild.</summary>
internal static class IndexFormat
{
    // 5: format characters are taken out before analysis, and a run-on sentence is cut at 2,000 characters.
    public const int Version = 5;
    public const string Kind = "kind";
    public const string Key = "key";
    public const string Text = "text";
    public const string PassageKind = "passage";
    public const string SentenceKind = "sentence";
}
