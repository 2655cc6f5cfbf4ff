using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QaService.Embeddings;
using QaService.Tests.Support;

namespace QaService.Tests.Indexing;

/// <summary>While a build embeds, <c>/readyz</c> says how far it has got, not only that it is building.</summary>
public sealed class BuildProgressTests
{
    [Fact]
    public async Task Readyz_DuringAnEmbeddingBuild_SaysHowManySentencesAreDone()
    {
        var model = new HeldEmbeddingModel();
        await using var app = new QaAppFactory(new Dictionary<string, string?>([TestDefaults.Hybrid]))
            .WithServices(s => s.AddSingleton<IEmbeddingModel>(model));
        using var client = app.CreateClient();

        string? detail = null;
        for (var i = 0; i < 600 && detail?.Contains("sentences embedded", StringComparison.Ordinal) != true; i++)
        {
            using var response = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            detail = body.RootElement.GetProperty("detail").GetString();
            await Task.Delay(50);
        }

        model.Release();
        Assert.Matches(@"; sentences embedded: 1 of [\d,]+$", detail);
        for (var i = 0; i < 600 && !(await client.GetAsync("/readyz")).IsSuccessStatusCode; i++)
        {
            await Task.Delay(50);
        }

        Assert.True((await client.GetAsync("/readyz")).IsSuccessStatusCode);
    }

    /// <summary>The real encoders, held after the first sentence until released.</summary>
    private sealed class HeldEmbeddingModel : IEmbeddingModel
    {
        private readonly PackagedEnsembleModel inner = new();
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ModelId => inner.ModelId;

        public void Release() => held.TrySetResult();

        public float[][] EncodeDocuments(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
        {
            progress?.Report(1);
            held.Task.Wait(cancellationToken);
            return inner.EncodeDocuments(texts, progress, cancellationToken);
        }

        public float[] EncodeQuery(string text, CancellationToken cancellationToken) => inner.EncodeQuery(text, cancellationToken);
    }
}
