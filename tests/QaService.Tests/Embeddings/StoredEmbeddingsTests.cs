using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaService.Answering;
using QaService.Embeddings;
using QaService.Indexing;
using QaService.Tests.Support;

namespace QaService.Tests.Embeddings;

/// <summary>
/// <c>embeddings.bin</c> across restarts, through the real packaged models over a short document (so each start
/// embeds a handful of texts): reused when nothing changed, recomputed when the documents or the model change or the
/// file is damaged.
/// </summary>
public sealed class StoredEmbeddingsTests : IDisposable
{
    private const string OtherModel = "test-model-v2";
    private readonly TempFolder folder = new();
    private readonly string notes;

    public StoredEmbeddingsTests() =>
        notes = folder.File("notes.md", "# Harbour notes\n\nThe lighthouse keeper counted seven gulls on Monday. The ferry to the island was cancelled because of fog.\n\nRepairs to the pier begin in spring.\n");

    public void Dispose() => folder.Dispose();

    private string IndexPath => Path.Combine(folder.Path, "index");

    private Dictionary<string, string?> Settings() => new([TestDefaults.Hybrid])
    {
        ["Index:Path"] = IndexPath,
        ["Documents:IncludeBuiltIn"] = "false",
        ["Documents:Sources:0:Path"] = notes,
    };

    private string CurrentGeneration() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(IndexPath, "current.json"))).RootElement.GetProperty("Generation").GetString()!;

    private string EmbeddingsPath => Path.Combine(IndexPath, CurrentGeneration(), EmbeddingFile.FileName);

    private sealed record Start(IndexBuildReport Report, StoredEmbeddings Embeddings, IReadOnlyList<string> Texts)
    {
        public int SentencesInCorpus => Texts.Count;
    }

    /// <summary>Starts a host over the index folder with <paramref name="model"/> in place of the real one, then stops it.</summary>
    private async Task<Start> StartWithAsync(IEmbeddingModel model)
    {
        using var host = CoreHost.Build(folder.Path, Settings(), s => s.AddSingleton(model));
        await host.StartAsync();
        try
        {
            var owner = host.Services.GetRequiredService<IndexOwner>();
            var report = await owner.StartAsync(CancellationToken.None);
            var snapshot = await owner.GetReadyAsync(CancellationToken.None);
            return new Start(report, snapshot.Embeddings!, [.. snapshot.Corpus.Sentences.Select(s => s.Text)]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Restart_WithNothingChanged_ReusesTheStoredEmbeddings()
    {
        var first = new CountingEmbeddingModel();
        var built = await StartWithAsync(first);
        var bytes = await File.ReadAllBytesAsync(EmbeddingsPath);
        var written = File.GetLastWriteTimeUtc(EmbeddingsPath);

        var second = new CountingEmbeddingModel();
        var restarted = await StartWithAsync(second);

        Assert.Equal(built.SentencesInCorpus, first.EncodedDocuments.Count);
        Assert.True(restarted.Report.Reused);
        Assert.Empty(second.EncodedDocuments);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(EmbeddingsPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(EmbeddingsPath));
        Assert.Equal(built.Embeddings.Sentences, restarted.Embeddings.Sentences);
    }

    [Fact]
    public async Task Restart_AfterADocumentChanged_EmbedsOnlyTheNewText_AndKeepsTheVectorsOfTheRest()
    {
        await StartWithAsync(new CountingEmbeddingModel());
        var before = CurrentGeneration();
        const string changed = "The lighthouse keeper counted eleven herons on Tuesday.";
        await File.WriteAllTextAsync(notes, (await File.ReadAllTextAsync(notes)).Replace("The lighthouse keeper counted seven gulls on Monday.", changed, StringComparison.Ordinal));

        var model = new CountingEmbeddingModel();
        var restarted = await StartWithAsync(model);

        Assert.False(restarted.Report.Reused);
        Assert.NotEqual(before, CurrentGeneration());
        Assert.True(File.Exists(EmbeddingsPath));
        Assert.Equal([changed], model.EncodedDocuments);

        // The kept vectors are those the sentences get encoded afresh: a sentence is encoded alone, the same anywhere.
        var texts = restarted.Texts;
        var fresh = new PackagedEnsembleModel().EncodeDocuments(texts, null, CancellationToken.None);
        Assert.Equal(texts.Count, restarted.Embeddings.Sentences.Length);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(fresh[i], restarted.Embeddings.Sentences[i]);
        }
    }

    [Fact]
    public async Task Restart_AfterADocumentChangedAndTheModelToo_EmbedsEverySentence()
    {
        await StartWithAsync(new CountingEmbeddingModel());
        await File.WriteAllTextAsync(notes, (await File.ReadAllTextAsync(notes)) + "\nThe harbour master retired in June.\n");

        var other = new CountingEmbeddingModel(OtherModel);
        var restarted = await StartWithAsync(other);

        Assert.Equal(restarted.SentencesInCorpus, other.EncodedDocuments.Count);
    }

    [Fact]
    public async Task Rebuild_InterruptedWhileEmbedding_LeavesThePreviousIndexServingAndOnDisk()
    {
        using var host = CoreHost.Build(folder.Path, Settings(), s => s.AddSingleton<IEmbeddingModel>(new CountingEmbeddingModel()));
        await host.StartAsync();
        var owner = host.Services.GetRequiredService<IndexOwner>();
        await owner.StartAsync(CancellationToken.None);
        var before = CurrentGeneration();
        await File.WriteAllTextAsync(notes, (await File.ReadAllTextAsync(notes)).Replace("seven gulls", "eleven herons", StringComparison.Ordinal));

        using var interrupt = new CancellationTokenSource();
        var steps = new StepsThatCancel("embedding", interrupt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.EnsureAsync(force: false, steps, interrupt.Token));

        Assert.Equal(before, CurrentGeneration());
        Assert.Equal([before], Directory.EnumerateDirectories(IndexPath, "gen-*").Select(Path.GetFileName));
        var serving = await owner.GetReadyAsync(CancellationToken.None);
        Assert.Equal(before, Path.GetFileName(serving.Folder));
        Assert.Contains(serving.Corpus.Sentences, s => s.Text.Contains("seven gulls", StringComparison.Ordinal));
        var reply = await host.Services.GetRequiredService<Asker>().AskAsync(new AskRequest("How many gulls did the keeper count?"), CancellationToken.None);
        Assert.Contains("seven gulls", reply.Answer, StringComparison.Ordinal);
        await host.StopAsync();
    }

    /// <summary>Passes the build's steps by, and cancels the build when one starts with <paramref name="step"/>.</summary>
    private sealed class StepsThatCancel(string step, CancellationTokenSource cancel) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value.StartsWith(step, StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        }
    }

    [Fact]
    public async Task Restart_WithAnotherModel_RecomputesTheEmbeddingsAndKeepsTheIndexGeneration()
    {
        await StartWithAsync(new CountingEmbeddingModel());
        var generation = CurrentGeneration();
        var luceneFiles = LuceneFiles();

        var other = new CountingEmbeddingModel(OtherModel);
        var switched = await StartWithAsync(other);

        Assert.True(switched.Report.Reused, "The Lucene index does not depend on the embedding model.");
        Assert.Equal(generation, CurrentGeneration());
        Assert.Equal(luceneFiles, LuceneFiles());
        Assert.Equal(switched.SentencesInCorpus, other.EncodedDocuments.Count);
        Assert.Equal(OtherModel, switched.Embeddings.ModelId);
        Assert.Contains(OtherModel, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(EmbeddingsPath)), StringComparison.Ordinal);

        var again = new CountingEmbeddingModel(OtherModel);
        Assert.True((await StartWithAsync(again)).Report.Reused);
        Assert.Empty(again.EncodedDocuments);

        var back = new CountingEmbeddingModel();
        await StartWithAsync(back);
        Assert.Equal(switched.SentencesInCorpus, back.EncodedDocuments.Count);
    }

    public static TheoryData<string> Damages() =>
    [
        "empty file",
        "cut in half",
        "last vector cut short",
        "garbage of the same length",
        "extra bytes at the end",
        "dimension field zero",
        "dimension field negative",
        "dimension field huge",
        "one vector value changed",
    ];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Start_WithDamagedEmbeddings_RecomputesThemAndAnswers(string damage)
    {
        await StartWithAsync(new CountingEmbeddingModel());
        var intact = await File.ReadAllBytesAsync(EmbeddingsPath);
        await File.WriteAllBytesAsync(EmbeddingsPath, Damage(intact, damage));

        var model = new CountingEmbeddingModel();
        var restarted = await StartWithAsync(model);

        Assert.True(restarted.Report.Reused, "Only the embeddings are damaged; the Lucene index is reused.");
        Assert.Equal(restarted.SentencesInCorpus, model.EncodedDocuments.Count);
        Assert.Equal(intact.Length, new FileInfo(EmbeddingsPath).Length);

        using var host = CoreHost.Build(folder.Path, Settings());
        var reply = await host.Services.GetRequiredService<Asker>()
            .AskAsync(new AskRequest("Why was the ferry cancelled?", Explain: true), CancellationToken.None);
        Assert.Contains("fog", reply.Answer, StringComparison.Ordinal);
        Assert.All(reply.Explanation!.Passages, p => Assert.True(p.DenseSimilarity is > -1.01f and < 1.01f, $"dense {p.DenseSimilarity}"));

        var next = new CountingEmbeddingModel();
        Assert.True((await StartWithAsync(next)).Report.Reused);
        Assert.Empty(next.EncodedDocuments);
    }

    private static byte[] Damage(byte[] intact, string damage)
    {
        var bytes = intact.ToArray();
        switch (damage)
        {
            case "empty file":
                return [];
            case "cut in half":
                return bytes[..(bytes.Length / 2)];
            case "last vector cut short":
                return bytes[..^3];
            case "garbage of the same length":
                return Enumerable.Range(0, bytes.Length).Select(i => (byte)((i * 31) + 7)).ToArray();
            case "extra bytes at the end":
                return [.. bytes, .. new byte[16]];
            case "dimension field zero":
                BitConverter.TryWriteBytes(bytes.AsSpan(DimensionOffset(bytes)), 0);
                return bytes;
            case "dimension field negative":
                BitConverter.TryWriteBytes(bytes.AsSpan(DimensionOffset(bytes)), -768);
                return bytes;
            case "dimension field huge":
                BitConverter.TryWriteBytes(bytes.AsSpan(DimensionOffset(bytes)), int.MaxValue);
                return bytes;
            case "one vector value changed":
                BitConverter.TryWriteBytes(bytes.AsSpan(DimensionOffset(bytes) + 4 + 40), float.NaN);
                return bytes;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "Unknown damage.");
        }
    }

    // The header is: magic, model id, corpus fingerprint, sentence count, passage count, dimensions.
    private static int DimensionOffset(byte[] file)
    {
        using var reader = new BinaryReader(new MemoryStream(file), Encoding.UTF8);
        reader.ReadInt32();
        reader.ReadString();
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadInt32();
        return (int)reader.BaseStream.Position;
    }

    private Dictionary<string, DateTime> LuceneFiles() =>
        Directory.EnumerateFiles(Path.Combine(IndexPath, CurrentGeneration()))
            .Where(f => Path.GetFileName(f) != EmbeddingFile.FileName)
            .ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);
}
