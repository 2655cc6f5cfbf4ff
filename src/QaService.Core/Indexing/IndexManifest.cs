using System.Text.Json;

namespace QaService.Indexing;

/// <summary>
/// <c>current.json</c> in the index folder: which generation folder holds the live index and what it was built from.
/// It is replaced by an atomic rename, so a reader sees either the old generation or the new one, never half of one.
/// </summary>
internal sealed record IndexManifest(string Fingerprint, string Generation, DateTimeOffset BuiltAt)
{
    public const string FileName = "current.json";

    public static IndexManifest? TryRead(string folder)
    {
        try
        {
            var json = File.ReadAllText(Path.Combine(folder, FileName));
            var manifest = JsonSerializer.Deserialize<IndexManifest>(json);

            // A damaged file can still parse; a manifest is only trusted when it names a generation folder inside this one.
            return manifest is { Fingerprint.Length: > 0, Generation.Length: > 0 } && Path.GetFileName(manifest.Generation) == manifest.Generation
                ? manifest
                : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void WriteAtomically(string folder)
    {
        var target = Path.Combine(folder, FileName);
        var temporary = target + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, target, overwrite: true);
    }
}
