using System.ComponentModel.DataAnnotations;

namespace QaService.Indexing;

public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Folder of the index, resolved against the content root and created when missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "index";

    /// <summary>How long a question waits for an index that is still being built before it gets a 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
