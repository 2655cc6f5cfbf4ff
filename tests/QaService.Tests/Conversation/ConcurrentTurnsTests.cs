using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>Simultaneous questions on one conversation each get their own turn: none is lost, none is counted twice.</summary>
public sealed class ConcurrentTurnsTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly TempFolder documents = new();

    public void Dispose() => documents.Dispose();

    [Fact]
    public async Task TwentySimultaneousAsks_InMemory_TakeTurns1To20()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents));
        var client = host.CreateClient();
        var id = "race-" + Guid.NewGuid().ToString("N")[..8];

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.AskAsync("When did the Velmora Harbour Bridge open?", id)));

        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => r.Turn).Order());
        Assert.All(replies, r => Assert.Equal(id, r.ConversationId));
    }

    [Fact]
    public async Task TwentySimultaneousAsks_OnTwoHostsSharingRedis_TakeTurns1To20()
    {
        using var hostA = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:Redis", redis.Address)));
        using var hostB = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:Redis", redis.Address)));
        var clients = new[] { hostA.CreateClient(), hostB.CreateClient() };
        var id = "race-" + Guid.NewGuid().ToString("N")[..8];

        // Both hosts answer once first, so neither is still building its index when the race starts.
        await clients[0].AskAsync("When did the Velmora Harbour Bridge open?");
        await clients[1].AskAsync("When did the Velmora Harbour Bridge open?");
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].AskAsync("Why was it closed?", id)));

        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => r.Turn).Order());
    }
}
