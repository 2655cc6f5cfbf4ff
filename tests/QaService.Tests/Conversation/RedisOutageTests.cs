using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using QaService.Conversation;
using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>
/// A real redis-server killed under a serving host: questions do not wait for it, and once it keeps failing the
/// breaker skips it (/readyz says so); when it is back and the break is over, conversations are kept again.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly TempFolder documents = new();

    [Fact]
    public async Task Redis_Down_IsSkippedWithoutWaiting_AndUsedAgainOnceBack()
    {
        using var redis = RedisServer.StartOwn();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new QaAppFactory(ConversationApi.Settings(
                documents, ("ConversationStore:Redis", redis.Address + ",connectTimeout=500"), ("Retrieval:Dense", "false")))
            .WithServices(s => s.AddSingleton<TimeProvider>(time));
        using var client = app.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        Assert.Equal("available", await ConversationStateAsync(client));

        redis.Stop();
        var duringOutage = await client.AskAsync("Why was it closed?", first.ConversationId);
        Assert.Equal(1, duringOutage.Turn);
        Assert.Equal("unavailable", await ConversationStateAsync(client));
        var failures = RedisFailures(app.Logs);
        Assert.True(failures > 0, "the outage was logged");

        // A Redis that is gone fails each call at once, for want of a connection; no call waited out the command
        // timeout (5 s), as calls queued for the connection did.
        var redisFailures = app.Logs.AtLeast(LogLevel.Warning).Where(e => e.ToString().Contains("Could not", StringComparison.Ordinal)).ToList();
        Assert.False(redisFailures.Any(e => e.ToString().Contains("timed out", StringComparison.OrdinalIgnoreCase)), string.Join("\n", redisFailures));

        var skipped = await client.AskAsync("How long is its main span?", first.ConversationId);
        Assert.Equal(1, skipped.Turn);
        Assert.Equal(failures, RedisFailures(app.Logs));

        redis.Start();
        var again = await UntilKeptAgainAsync(client, time);
        var followUp = await client.AskAsync("Why was it closed?", again.ConversationId);
        Assert.Equal(2, followUp.Turn);
        Assert.Contains("storm", followUp.Answer, StringComparison.Ordinal);
        Assert.Equal("available", await ConversationStateAsync(client));
    }

    public void Dispose() => documents.Dispose();

    /// <summary>Past each break, one question tries Redis again; the client reconnects in its own time.</summary>
    private static async Task<ConversationApi.Reply> UntilKeptAgainAsync(HttpClient client, FakeTimeProvider time)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            time.Advance(ConversationRedisBreaker.BreakDuration + TimeSpan.FromSeconds(1));
            Assert.Equal("recovering", await ConversationStateAsync(client));
            var reply = await client.AskAsync("When did the Velmora Harbour Bridge open?");
            if (await ConversationStateAsync(client) == "available")
            {
                return reply;
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException("Redis was not used again within 30 tries.");
    }

    private static async Task<string> ConversationStateAsync(HttpClient client)
    {
        using var ready = JsonDocument.Parse(await client.GetStringAsync("/readyz"));
        return ready.RootElement.GetProperty("conversations").GetProperty("state").GetString()!;
    }

    private static int RedisFailures(CapturedLogs logs) =>
        logs.AtLeast(LogLevel.Warning).Count(e => e.ToString().Contains("Could not", StringComparison.Ordinal));
}
