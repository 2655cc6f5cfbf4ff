using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Indexing;
using QaService.Tests.Support;

namespace QaService.Tests.Indexing;

public sealed class IndexOwnerTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string IndexPath => Path.Combine(folder.Path, "index");

    public void Dispose() => folder.Dispose();

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Index:Path"] = IndexPath };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private string CurrentGeneration() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(IndexPath, "current.json"))).RootElement.GetProperty("Generation").GetString()!;

    private string GenerationFolder() => Path.Combine(IndexPath, CurrentGeneration());

    private static Dictionary<string, DateTime> FilesOf(string generationFolder) =>
        Directory.EnumerateFiles(generationFolder).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    [Fact]
    public async Task Start_WithNoIndexOnDisk_BuildsOneInTheConfiguredFolder()
    {
        var report = await CoreHost.StartAndStopAsync(folder.Path, Settings());

        Assert.False(report.Reused);
        Assert.Equal("no index on disk", report.RebuildReason);
        Assert.Equal(IndexPath, report.Path);
        Assert.True(report.Passages > 0 && report.Sentences > report.Passages);
        Assert.NotEmpty(Directory.EnumerateFiles(GenerationFolder()));
    }

    [Fact]
    public async Task Reload_AfterAnotherInstanceWroteAnIndexOfOtherDocumentsIntoTheFolder_KeepsServingItsOwn()
    {
        var extra = folder.File("extra.txt", "The lighthouse keeper counted seven gulls.\n");
        using var first = CoreHost.Build(folder.Path, Settings());
        await first.StartAsync();
        var owner = first.Services.GetRequiredService<IndexOwner>();
        var serving = await owner.StartAsync(CancellationToken.None);
        var ownGeneration = CurrentGeneration();

        await CoreHost.StartAndStopAsync(folder.Path, Settings(("Documents:Sources:0:Path", extra)));
        var othersGeneration = CurrentGeneration();
        await owner.ReloadAsync(CancellationToken.None);

        Assert.NotEqual(ownGeneration, othersGeneration);
        Assert.Equal(othersGeneration, CurrentGeneration());
        Assert.Equal(ownGeneration, Path.GetFileName((await owner.GetReadyAsync(CancellationToken.None)).Folder));
        var reply = await first.Services.GetRequiredService<Asker>().AskAsync(new AskRequest("Which Iranian president visited Pakistan?"), CancellationToken.None);
        Assert.Contains("Pezeshkian", reply.Answer, StringComparison.Ordinal);
        await first.StopAsync();
    }

    [Fact]
    public async Task Rebuild_KeepsAnOlderGenerationAnotherBuildIsStillWriting_AndDeletesFinishedOrAbandonedOnes()
    {
        await CoreHost.StartAndStopAsync(folder.Path, Settings());
        var finished = GenerationFolder();
        var writing = Directory.CreateDirectory(Path.Combine(IndexPath, "gen-00000000000000001-writing")).FullName;
        File.WriteAllText(Path.Combine(writing, "building.marker"), "1");
        var abandoned = Directory.CreateDirectory(Path.Combine(IndexPath, "gen-00000000000000002-abandoned")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "building.marker"), "2");
        File.SetLastWriteTimeUtc(Path.Combine(abandoned, "building.marker"), DateTime.UtcNow.AddHours(-2));

        using var host = CoreHost.Build(folder.Path, Settings());
        await host.Services.GetRequiredService<IndexOwner>().EnsureAsync(force: true, null, CancellationToken.None);

        Assert.True(Directory.Exists(writing), "A generation still being written by another build survives.");
        Assert.False(Directory.Exists(abandoned), "A build that died long ago leaves nothing behind for good.");
        Assert.False(Directory.Exists(finished), "The finished older generation is deleted.");
        Assert.False(File.Exists(Path.Combine(GenerationFolder(), "building.marker")), "The live generation is marked finished.");
    }

    [Fact]
    public async Task Start_WithARelativeIndexPath_ResolvesItAgainstTheContentRoot()
    {
        var report = await CoreHost.StartAndStopAsync(folder.Path, new Dictionary<string, string?> { ["Index:Path"] = "data/idx" });

        Assert.Equal(Path.Combine(folder.Path, "data", "idx"), report.Path);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "idx", "current.json")));
    }

    [Fact]
    public async Task Start_Twice_WithNothingChanged_ReusesTheIndexOnDisk()
    {
        await CoreHost.StartAndStopAsync(folder.Path, Settings());
        var generation = CurrentGeneration();
        var files = FilesOf(GenerationFolder());

        var second = await CoreHost.StartAndStopAsync(folder.Path, Settings());

        Assert.True(second.Reused);
        Assert.Null(second.RebuildReason);
        Assert.Equal(generation, CurrentGeneration());
        Assert.Equal(files, FilesOf(GenerationFolder()));
        Assert.Single(Directory.EnumerateDirectories(IndexPath));
    }

    [Fact]
    public async Task Start_AfterADocumentChanged_RebuildsAndAnswersFromTheNewText()
    {
        var notes = folder.File("notes.md", "# Notes\n\nThe lighthouse keeper counted seven gulls on Monday.\n");
        var settings = Settings(("Documents:Sources:0:Path", notes));
        await CoreHost.StartAndStopAsync(folder.Path, settings);
        var before = CurrentGeneration();

        File.WriteAllText(notes, "# Notes\n\nThe lighthouse keeper counted eleven herons on Tuesday.\n");
        var report = await CoreHost.StartAndStopAsync(folder.Path, settings);

        Assert.False(report.Reused);
        Assert.Equal("the documents or chunking settings changed", report.RebuildReason);
        Assert.NotEqual(before, CurrentGeneration());
        Assert.False(Directory.Exists(Path.Combine(IndexPath, before)), "The old generation should be deleted.");

        using var host = CoreHost.Build(folder.Path, settings);
        var reply = await host.Services.GetRequiredService<Asker>().AskAsync(new AskRequest("What did the lighthouse keeper count?"), CancellationToken.None);
        Assert.Contains(reply.Citations, c => c.DocumentId == "notes" && c.Text.Contains("herons", StringComparison.Ordinal));
        Assert.DoesNotContain(reply.Citations, c => c.Text.Contains("gulls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AfterADocumentWasAdded_Rebuilds()
    {
        await CoreHost.StartAndStopAsync(folder.Path, Settings());
        var notes = folder.File("extra.txt", "An extra document about tide tables.");

        var report = await CoreHost.StartAndStopAsync(folder.Path, Settings(("Documents:Sources:0:Path", notes)));

        Assert.False(report.Reused);
        Assert.Equal(2, report.Documents);
    }

    [Theory]
    [InlineData("Chunking:SentencesPerPassage", "4")]
    [InlineData("Chunking:OverlapSentences", "0")]
    public async Task Start_AfterAChunkingSettingChanged_Rebuilds(string key, string value)
    {
        await CoreHost.StartAndStopAsync(folder.Path, Settings());
        var generation = CurrentGeneration();

        var second = await CoreHost.StartAndStopAsync(folder.Path, Settings((key, value)));

        Assert.False(second.Reused);
        Assert.Equal("the documents or chunking settings changed", second.RebuildReason);
        Assert.NotEqual(generation, CurrentGeneration());
    }

    public static TheoryData<string> Damages() =>
    [
        "delete every file of the generation",
        "delete the segments file",
        "delete one data file",
        "truncate every file",
        "overwrite every file with garbage",
        "delete the generation folder",
        "garbage current.json",
        "empty current.json",
        "current.json naming a generation that does not exist",
        "current.json with the right fingerprint and no generation",
    ];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Start_WithADamagedIndex_RebuildsItAndAnswers(string damage)
    {
        await CoreHost.StartAndStopAsync(folder.Path, Settings());
        Damage(damage);

        var report = await CoreHost.StartAndStopAsync(folder.Path, Settings());

        Assert.False(report.Reused);
        Assert.NotNull(report.RebuildReason);
        Assert.True(File.Exists(Path.Combine(GenerationFolder(), "segments.gen")) || Directory.EnumerateFiles(GenerationFolder(), "segments_*").Any());

        using var host = CoreHost.Build(folder.Path, Settings());
        var reply = await host.Services.GetRequiredService<Asker>().AskAsync(new AskRequest("Which Iranian president visited Pakistan?"), CancellationToken.None);
        Assert.NotEmpty(reply.Citations);

        // The rebuilt index is whole again: the next start reuses it.
        Assert.True((await CoreHost.StartAndStopAsync(folder.Path, Settings())).Reused);
    }

    private void Damage(string damage)
    {
        var generation = GenerationFolder();
        var files = Directory.GetFiles(generation);
        var manifestPath = Path.Combine(IndexPath, "current.json");
        switch (damage)
        {
            case "delete every file of the generation":
                Array.ForEach(files, File.Delete);
                break;
            case "delete the segments file":
                Array.ForEach(files.Where(f => Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)).ToArray(), File.Delete);
                break;
            case "delete one data file":
                File.Delete(files.Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && Path.GetFileName(f) != "embeddings.bin").OrderByDescending(f => new FileInfo(f).Length).First());
                break;
            case "truncate every file":
                Array.ForEach(files, f => File.WriteAllBytes(f, File.ReadAllBytes(f)[..(int)(new FileInfo(f).Length / 2)]));
                break;
            case "overwrite every file with garbage":
                Array.ForEach(files, f => File.WriteAllBytes(f, Enumerable.Range(0, (int)new FileInfo(f).Length).Select(i => (byte)(i * 31 + 7)).ToArray()));
                break;
            case "delete the generation folder":
                Directory.Delete(generation, recursive: true);
                break;
            case "garbage current.json":
                File.WriteAllText(manifestPath, "{ this is not json \0\u0001");
                break;
            case "empty current.json":
                File.WriteAllText(manifestPath, "");
                break;
            case "current.json naming a generation that does not exist":
                File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace(Path.GetFileName(generation), "gen-missing", StringComparison.Ordinal));
                break;
            case "current.json with the right fingerprint and no generation":
                var fingerprint = JsonDocument.Parse(File.ReadAllText(manifestPath)).RootElement.GetProperty("Fingerprint").GetString();
                File.WriteAllText(manifestPath, JsonSerializer.Serialize(new { Fingerprint = fingerprint }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "Unknown damage.");
        }
    }

    [Fact]
    public async Task Index_WhenThePathIsAFile_FailsWithAClearReason()
    {
        var file = folder.File("not-a-folder", "x");
        using var host = CoreHost.Build(folder.Path, new Dictionary<string, string?> { ["Index:Path"] = file });
        var owner = host.Services.GetRequiredService<IndexOwner>();

        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => owner.StartAsync(CancellationToken.None));
        Assert.Contains($"Index:Path {file} is a file; it must be a folder", invalid.Message, StringComparison.Ordinal);
        Assert.False(owner.IsReady);
    }
}
