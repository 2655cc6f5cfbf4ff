using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace QaService.Conversation;

/// <summary>
/// Refuses to start when <c>ConversationStore:Redis</c> is set but Redis cannot be reached. Falling back to memory
/// would hide the fault: behind a load balancer every instance would keep its own conversations, and follow-ups would
/// lose their context at random.
/// </summary>
internal sealed class ConversationStoreCheck(ConversationStore store, IOptions<ConversationStoreOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var redis = options.Value.Redis;
        if (string.IsNullOrWhiteSpace(redis))
        {
            return;
        }

        try
        {
            await store.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Name the endpoints only: the connection string may hold a password.
            var endpoints = string.Join(", ", ConfigurationOptions.Parse(redis).EndPoints);
            throw new ConversationStoreUnavailableException(
                $"ConversationStore:Redis is set, but Redis at {endpoints} could not be reached ({e.GetType().Name}). "
                + "Start Redis, fix the connection string, or remove ConversationStore:Redis to keep conversations in memory.",
                e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
