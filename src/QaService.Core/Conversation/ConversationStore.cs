using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace QaService.Conversation;

/// <summary>
/// Keeps conversations in a distributed cache (memory, or Redis shared by every instance). Each turn restarts a
/// conversation's sliding time-to-live. Memory is a convenience, not a duty: when the cache fails the question is
/// answered on its own and the failure logged, so a Redis hiccup never fails a request; while Redis keeps failing,
/// <see cref="ConversationRedisBreaker"/> skips it without waiting.
/// </summary>
public sealed partial class ConversationStore(
    [FromKeyedServices(ConversationStore.CacheKey)] IDistributedCache cache,
    IOptions<ConversationStoreOptions> options,
    ConversationRedisBreaker breaker,
    ILogger<ConversationStore> logger)
{
    public const string CacheKey = "conversations";

    private const string KeyPrefix = "qaservice:conversation:";

    /// <summary>
    /// The conversation stored under <paramref name="id"/>, or a new one. An unknown or expired id keeps its id (the
    /// client carries on with what it holds); a missing one gets a fresh id, and a malformed one is refused.
    /// </summary>
    public async Task<ConversationState> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return ConversationState.New(ConversationId.New());
        }

        if (!ConversationId.IsWellFormed(id))
        {
            throw new Answering.InvalidQuestionException(ConversationId.Rule);
        }

        byte[]? stored;
        try
        {
            stored = await CallAsync(async token => await cache.GetAsync(KeyPrefix + id, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Unavailable("read", e);
            return ConversationState.New(id);
        }

        var state = stored is null ? null : Deserialize(stored);
        return state is not null && state.Id == id ? state : ConversationState.New(id);
    }

    /// <summary>Stores <paramref name="conversation"/> with <paramref name="turn"/> added, keeping the latest turns only.</summary>
    public async Task<ConversationState> AppendAsync(ConversationState conversation, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var state = conversation.With(turn, options.Value.MaxTurns);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, ConversationJson.Default.ConversationState);
        var entry = new DistributedCacheEntryOptions { SlidingExpiration = options.Value.TimeToLive };
        try
        {
            await CallAsync(
                async token =>
                {
                    await cache.SetAsync(KeyPrefix + state.Id, bytes, entry, token).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Unavailable("save", e);
        }

        return state;
    }

    /// <summary>Reads a key that does not exist, so a store that cannot be reached throws here.</summary>
    internal Task ProbeAsync(CancellationToken cancellationToken) => cache.GetAsync(KeyPrefix + "probe", cancellationToken);

    private ValueTask<T> CallAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        options.Value.UsesRedis ? breaker.ExecuteAsync(call, cancellationToken) : call(cancellationToken);

    private void Unavailable(string action, Exception e)
    {
        if (e is BrokenCircuitException)
        {
            LogSkipped(logger, action);
            return;
        }

        LogUnavailable(logger, action, e.Message);
        LogUnavailableDetail(logger, e);
    }

    private ConversationState? Deserialize(byte[] stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored, ConversationJson.Default.ConversationState);
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, e);
            return null;
        }
    }

    // The reason alone: an unreachable store is an operating condition, and a stack trace on every question buries it.
    [LoggerMessage(LogLevel.Warning, "Could not {Action} a conversation ({Reason}); the question is answered on its own.")]
    private static partial void LogUnavailable(ILogger logger, string action, string reason);

    [LoggerMessage(LogLevel.Debug, "Did not {Action} a conversation: Redis is held unavailable for a while.")]
    private static partial void LogSkipped(ILogger logger, string action);

    [LoggerMessage(LogLevel.Debug, "The conversation store's failure in full.")]
    private static partial void LogUnavailableDetail(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "A stored conversation could not be read; a new one starts.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
