using System.Net;
using System.Net.Http.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>What the API does with conversation ids, the time-to-live and the turn limit (conversations in memory).</summary>
public sealed class ConversationMemoryTests : IDisposable
{
    private readonly TempFolder documents = new();

    [Fact]
    public async Task Reply_WithoutConversationId_StartsANewConversation()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents));
        var reply = await host.CreateClient().AskAsync("When did the Velmora Harbour Bridge open?");

        Assert.Matches("^[0-9a-f]{32}$", reply.ConversationId);
        Assert.Equal(1, reply.Turn);
    }

    [Fact]
    public async Task UnknownConversationId_StartsANewConversationUnderThatId()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents));
        var client = host.CreateClient();
        var reply = await client.AskAsync("Why was it closed?", "never-seen-before-42");
        var next = await client.AskAsync("When did the Velmora Harbour Bridge open?", "never-seen-before-42");

        Assert.Equal("never-seen-before-42", reply.ConversationId);
        Assert.Equal(1, reply.Turn);
        Assert.Empty(reply.Explanation.ContextTerms ?? []);
        Assert.Equal(2, next.Turn);
    }

    [Fact]
    public async Task MalformedConversationId_IsRefusedWithWhatIsAllowed()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents));
        using var response = await host.CreateClient().PostAsJsonAsync(
            "/api/ask", new { question = "When did the Velmora Harbour Bridge open?", conversationId = "not an id; " + new string('x', 80) });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1 to 64 letters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_IdleLongerThanTimeToLive_IsForgotten()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:TimeToLive", "00:00:01")));
        var client = host.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        var soon = await client.AskAsync("Why was it closed?", first.ConversationId);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await client.AskAsync("Why was it closed?", first.ConversationId);

        Assert.Equal(2, soon.Turn);
        Assert.Contains("storm", soon.Answer);
        Assert.Equal(first.ConversationId, late.ConversationId);
        Assert.Equal(1, late.Turn);
        Assert.Empty(late.Explanation.ContextTerms ?? []);
    }

    [Fact]
    public async Task Conversation_KeepsCountingPastTheTurnLimit_ButRemembersOnlyTheLatestTurns()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:MaxTurns", "1")));
        var client = host.CreateClient();
        var bridge = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        await client.AskAsync("Who founded the Corvin Youth Orchestra?", bridge.ConversationId);
        var third = await client.AskAsync("Why was it closed?", bridge.ConversationId);

        // Only the orchestra turn is remembered, so "it" is the orchestra, not the bridge.
        Assert.Equal(3, third.Turn);
        Assert.Contains("fire", third.Answer);
        Assert.DoesNotContain("storm", third.Answer);
    }

    public void Dispose() => documents.Dispose();
}
