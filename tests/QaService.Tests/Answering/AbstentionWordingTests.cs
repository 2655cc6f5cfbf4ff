using QaService.Tests.Conversation;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>An abstention names what was searched as the user sees it, and says it cites passages only when it does.</summary>
public sealed class AbstentionWordingTests : IDisposable
{
    private readonly TempFolder documents = new();

    public void Dispose() => documents.Dispose();

    [Fact]
    public async Task Abstention_OverTheBuiltInArticle_WithNothingNear_CitesNothingAndSaysSo()
    {
        await using var app = new QaAppFactory(new Dictionary<string, string?> { ["Retrieval:Dense"] = "false" });
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("Zzyzx qwertyuiop?", mode: "extractive");

        Assert.True(reply.Abstained);
        Assert.Empty(reply.Citations);
        Assert.Equal("The article does not say, and nothing in it comes near the question.", reply.Answer);
    }

    [Fact]
    public async Task Abstention_OverDocumentsOfTheUsersOwn_NamesThemAndCitesTheNearest()
    {
        // Abstaining on everything short of certainty, so a question near the documents abstains.
        await using var app = new QaAppFactory(ConversationApi.Settings(documents, ("Answering:MinConfidence", "0.99")));
        using var client = app.CreateClient();

        var reply = await client.AskOkAsync("When did the Velmora Harbour Bridge open?", mode: "extractive");

        Assert.True(reply.Abstained, reply.Answer);
        Assert.NotEmpty(reply.Citations);
        Assert.Equal("The documents do not say. The nearest passages are cited.", reply.Answer);
    }
}
