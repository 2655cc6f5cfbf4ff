using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace QaService.Conversation;

/// <summary>
/// The one Redis connection of the conversation store, shared by the cache and the turn order. It connects on first
/// use and, after a failed attempt, tries again on the next.
/// </summary>
public sealed class ConversationRedisConnection(IOptions<ConversationStoreOptions> options) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private Task<IConnectionMultiplexer>? connecting;

    public Task<IConnectionMultiplexer> GetAsync()
    {
        lock (gate)
        {
            if (connecting is null || connecting.IsFaulted || connecting.IsCanceled)
            {
                connecting = ConnectAsync();
            }

            return connecting;
        }
    }

    // While the connection is down, a call fails at once rather than queueing for the timeout: a question then waits
    // for no Redis that is gone (the breaker counts the failure), where it waited some 17 s by default.
    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? connection;
        lock (gate)
        {
            connection = connecting;
        }

        if (connection is { IsCompletedSuccessfully: true })
        {
            await connection.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
