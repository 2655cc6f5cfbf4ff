using QaService.Embeddings;

namespace QaService.Tests.Embeddings;

public sealed class QuestionVectorsTests
{
    [Fact]
    public void AQuestionAskedAgain_IsEncodedOnce_AndGetsTheSameVector()
    {
        var model = new CountingEmbeddingModel();
        using var questions = new QuestionVectors(model);

        var first = questions.Get("Which Iranian president visited Pakistan?", CancellationToken.None);
        var again = questions.Get("Which Iranian president visited Pakistan?", CancellationToken.None);
        var other = questions.Get("Who wrote the article?", CancellationToken.None);

        Assert.Equal(["Which Iranian president visited Pakistan?", "Who wrote the article?"], model.EncodedQueries);
        Assert.Same(first, again);
        Assert.Equal(model.EncodeQuery("Which Iranian president visited Pakistan?", CancellationToken.None), first);
        Assert.NotEqual(first, other);
    }
}
