using System.Text.Json;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using QaService.Answering;
using QaService.Indexing;
using QaService.Tests.Support;

namespace QaService.Tests.Indexing;

/// <summary>One whole index, built once and copied by each test before it damages the copy.</summary>
public sealed class PristineIndex : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();

    public string IndexPath => Path.Combine(folder.Path, "index");

    public string Generation { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await CoreHost.StartAndStopAsync(folder.Path, new Dictionary<string, string?> { ["Index:Path"] = IndexPath });
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(IndexPath, "current.json"))).RootElement;
        Generation = Path.Combine(IndexPath, manifest.GetProperty(nameof(Generation)).GetString()!);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();
}

/// <summary>
/// Lucene's checksums catch damage to every kind of index file, wherever it is: the owner then rebuilds instead of
/// serving a damaged index (which answered some questions with a 500) or failing to start (a truncated compound file).
/// </summary>
public sealed class IndexChecksumTests(PristineIndex pristine) : IClassFixture<PristineIndex>, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Every file a generation's Lucene index is made of (the compound file, its entries, segment info, commit, commit pointer).</summary>
    private static readonly string[] Files = ["_0.cfs", "_0.cfe", "_0.si", "segments_1", "segments.gen"];

    public static TheoryData<string> FileKinds() => new(Files);

    public static TheoryData<string, string, double> Damages()
    {
        var damages = new TheoryData<string, string, double>();
        foreach (var file in Files)
        {
            foreach (var at in new[] { 0.0, 0.25, 0.5, 0.9, 1.0 })
            {
                damages.Add(file, "flip", at);
                damages.Add(file, "truncate", at);
            }
        }

        return damages;
    }

    [Fact]
    public void Verify_AWholeIndex_Passes()
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(pristine.Generation));

        Assert.Null(IndexVerifier.FindDamage(directory));
        var luceneFiles = System.IO.Directory.GetFiles(pristine.Generation).Select(Path.GetFileName).Where(f => f != "embeddings.bin");
        Assert.Equal(Files.Order(), luceneFiles.Order());
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Verify_AFileFlippedOrTruncatedAnywhere_FindsTheDamage(string file, string damage, double at)
    {
        var copy = CopyOfGeneration();
        var path = Path.Combine(copy, file);
        var bytes = File.ReadAllBytes(path);
        var offset = (int)Math.Min(bytes.Length - 1, at * bytes.Length);
        if (damage == "flip")
        {
            bytes[offset] ^= 0x5A;
        }
        else
        {
            bytes = bytes[..offset];
        }

        File.WriteAllBytes(path, bytes);

        using var directory = new NIOFSDirectory(new DirectoryInfo(copy));
        Assert.NotNull(IndexVerifier.FindDamage(directory));
    }

    [Theory]
    [MemberData(nameof(FileKinds))]
    public void Verify_AMissingFile_FindsTheDamage(string file)
    {
        var copy = CopyOfGeneration();
        File.Delete(Path.Combine(copy, file));

        using var directory = new NIOFSDirectory(new DirectoryInfo(copy));

        // segments.gen only points at the latest commit; Lucene finds the commit without it, and the rest still holds.
        if (file == "segments.gen")
        {
            Assert.Null(IndexVerifier.FindDamage(directory));
        }
        else
        {
            Assert.NotNull(IndexVerifier.FindDamage(directory));
        }
    }

    public static TheoryData<string, string> DamagesAtStart() => new()
    {
        { "_0.cfs", "64 bytes flipped in the middle" },
        { "_0.cfs", "truncated to 3,800 bytes" },
        { "_0.cfe", "64 bytes flipped in the middle" },
        { "_0.si", "64 bytes flipped in the middle" },
        { "segments_1", "truncated to half" },
        { "segments.gen", "64 bytes flipped in the middle" },
        { "_0.si", "deleted" },
    };

    [Theory]
    [MemberData(nameof(DamagesAtStart))]
    public async Task Start_WithADamagedFile_RebuildsAndAnswersCorrectly(string file, string damage)
    {
        var settings = new Dictionary<string, string?> { ["Index:Path"] = Path.Combine(folder.Path, "index") };
        CopyIndexInto(settings["Index:Path"]!);
        var path = Path.Combine(settings["Index:Path"]!, Path.GetFileName(pristine.Generation), file);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "64 bytes flipped in the middle":
                for (var i = bytes.Length / 2 - 32; i < bytes.Length / 2 + 32; i++)
                {
                    bytes[Math.Clamp(i, 0, bytes.Length - 1)] ^= 0xFF;
                }

                File.WriteAllBytes(path, bytes);
                break;
            case "truncated to 3,800 bytes":
                File.WriteAllBytes(path, bytes[..Math.Min(3800, bytes.Length - 1)]);
                break;
            case "truncated to half":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "deleted":
                File.Delete(path);
                break;
        }

        var report = await CoreHost.StartAndStopAsync(folder.Path, settings);

        Assert.False(report.Reused);
        Assert.StartsWith("the index on disk is damaged", report.RebuildReason, StringComparison.Ordinal);
        using var host = CoreHost.Build(folder.Path, settings);
        var reply = await host.Services.GetRequiredService<Asker>().AskAsync(new AskRequest("Which Iranian president visited Pakistan?"), CancellationToken.None);
        Assert.Contains("Pezeshkian", reply.Answer, StringComparison.Ordinal);
    }

    private string CopyOfGeneration()
    {
        var copy = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(copy);
        foreach (var file in System.IO.Directory.GetFiles(pristine.Generation))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private void CopyIndexInto(string indexPath)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(pristine.IndexPath, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(indexPath, Path.GetRelativePath(pristine.IndexPath, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
