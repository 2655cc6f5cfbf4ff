using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaService.Answering;
using QaService.Embeddings;
using QaService.Indexing;
using QaService.Retrieval;
using QaService.Tests.Support;

namespace QaService.Tests.Embeddings;

/// <summary><c>Retrieval:Dense</c> on (BM25 fused with the packaged models) and off (BM25 only), over the built-in article.</summary>
public sealed class DenseSwitchTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string IndexPath => Path.Combine(folder.Path, "index");

    private Dictionary<string, string?> Settings(bool dense) => new()
    {
        ["Index:Path"] = IndexPath,
        ["Retrieval:Dense"] = dense.ToString(),
    };

    private string EmbeddingsPath()
    {
        var generation = JsonDocument.Parse(File.ReadAllText(Path.Combine(IndexPath, "current.json"))).RootElement.GetProperty("Generation").GetString()!;
        return Path.Combine(IndexPath, generation, EmbeddingFile.FileName);
    }

    private static Task<AskReply> AskAsync(IHost host, string question) =>
        host.Services.GetRequiredService<Asker>().AskAsync(new AskRequest(question, Mode: AnswerMode.Extractive, Explain: true), CancellationToken.None);

    [Fact]
    public async Task DenseOff_LoadsNoModel_StoresNoEmbeddings_AndStillAnswers()
    {
        using var host = CoreHost.Build(folder.Path, Settings(dense: false));

        var reply = await AskAsync(host, "Which president of Iran visited Pakistan?");

        Assert.Null(host.Services.GetService<IEmbeddingModel>());
        Assert.Null(host.Services.GetService<EmbeddingStore>());
        Assert.Null(host.Services.GetService<ISemanticScorer>());
        Assert.False(host.Services.GetRequiredService<Retriever>().UsesDense);
        Assert.Null((await host.Services.GetRequiredService<IndexOwner>().GetReadyAsync(CancellationToken.None)).Embeddings);
        Assert.False(File.Exists(EmbeddingsPath()));

        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains("Pezeshkian", reply.Answer, StringComparison.Ordinal);
        Assert.All(reply.Explanation!.Passages, p => Assert.Null(p.DenseSimilarity));
    }

    [Fact]
    public async Task DenseOn_AnswersAParaphraseThatSharesNoKeywordWithTheArticle()
    {
        using var host = CoreHost.Build(folder.Path, Settings(dense: true));

        // The article says "The visit of Iranian President Masoud Pezeshkian to Pakistan": no word in common.
        var reply = await AskAsync(host, "Who came to Islamabad from Tehran?");

        Assert.True(File.Exists(EmbeddingsPath()));
        Assert.False(reply.Abstained, reply.Answer);
        Assert.Contains("Pezeshkian", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("Pezeshkian", reply.Citations[0].Text, StringComparison.Ordinal);
        Assert.All(reply.Explanation!.Passages, p => Assert.NotNull(p.DenseSimilarity));
    }

    [Fact]
    public async Task DenseTurnedOn_OverAnIndexBuiltWithoutIt_AddsEmbeddingsWithoutRebuilding()
    {
        // A short document keeps the embedding work small.
        var notes = folder.File("notes.txt", "The ferry to the island was cancelled because of fog. Repairs to the pier begin in spring.");
        Dictionary<string, string?> Short(bool dense) => new(Settings(dense)) { ["Documents:IncludeBuiltIn"] = "false", ["Documents:Sources:0:Path"] = notes };
        await CoreHost.StartAndStopAsync(folder.Path, Short(dense: false));

        var report = await CoreHost.StartAndStopAsync(folder.Path, Short(dense: true));

        Assert.True(report.Reused);
        Assert.True(File.Exists(EmbeddingsPath()));
    }
}
