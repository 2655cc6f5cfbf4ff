using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace QaService.Conversation;

/// <summary>
/// Lets the questions of one conversation through one at a time, so that simultaneous asks on one id each see the
/// turns before them and no turn is lost. Within a process a semaphore per id orders them; with Redis a lock in Redis
/// (StackExchange.Redis's <c>LockTake</c>) orders them across instances too. Ordering is a courtesy, like memory:
/// when Redis fails, or a turn holds the lock past <see cref="LockExpiry"/>, the question goes ahead and a warning is logged.
/// </summary>
public sealed partial class ConversationTurnOrder(
    IOptions<ConversationStoreOptions> options,
    ConversationRedisConnection redis,
    ConversationRedisBreaker breaker,
    ILogger<ConversationTurnOrder> logger)
{
    /// <summary>How long one turn may hold the Redis lock; a crashed instance's lock lapses after it.</summary>
    public static readonly TimeSpan LockExpiry = TimeSpan.FromMinutes(2);

    private const string LockPrefix = "qaservice:conversation-lock:";
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>Waits until the conversation <paramref name="id"/> is free; disposing the result frees it. A missing or malformed id needs no wait.</summary>
    public async Task<IAsyncDisposable> WaitTurnAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ConversationId.IsWellFormed(id))
        {
            return NoWait.Instance;
        }

        var gate = Enter(id);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(id, gate, release: false);
            throw;
        }

        var token = options.Value.UsesRedis ? await TakeRedisLockAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return new Turn(this, id, gate, token);
    }

    private Gate Enter(string id)
    {
        lock (gates)
        {
            if (!gates.TryGetValue(id, out var gate))
            {
                gates[id] = gate = new Gate();
            }

            gate.Users++;
            return gate;
        }
    }

    private void Leave(string id, Gate gate, bool release)
    {
        if (release)
        {
            gate.Semaphore.Release();
        }

        lock (gates)
        {
            if (--gate.Users == 0)
            {
                gates.Remove(id);
                gate.Semaphore.Dispose();
            }
        }
    }

    private async Task<RedisValue?> TakeRedisLockAsync(string id, CancellationToken cancellationToken)
    {
        var token = (RedisValue)Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        try
        {
            // Only the first try goes through the breaker: a turn waiting on an earlier one polls every few
            // milliseconds, and each poll that found the lock held would count as a success and hide other failures.
            var taken = await breaker.ExecuteAsync(async _ => await TryLockAsync(id, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            while (!taken)
            {
                if (clock.Elapsed > LockExpiry)
                {
                    LogLockTimedOut(logger);
                    return null;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken).ConfigureAwait(false);
                taken = await TryLockAsync(id, token).ConfigureAwait(false);
            }

            return token;
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLockUnavailable(logger, e);
            return null;
        }
    }

    private async Task<bool> TryLockAsync(string id, RedisValue token) =>
        await (await redis.GetAsync().ConfigureAwait(false)).GetDatabase().LockTakeAsync(LockPrefix + id, token, LockExpiry).ConfigureAwait(false);

    // Not through the breaker: a lock taken just before Redis began failing must still be given back once it answers,
    // or the conversation's next turn would wait out the lock's expiry.
    private async Task ReleaseRedisLockAsync(string id, RedisValue token)
    {
        try
        {
            var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
            await database.LockReleaseAsync(LockPrefix + id, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLockUnavailable(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not order a conversation's turns through Redis; the question goes ahead.")]
    private static partial void LogLockUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "A conversation's earlier turn held its Redis lock too long; the question goes ahead.")]
    private static partial void LogLockTimedOut(ILogger logger);

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(ConversationTurnOrder order, string id, Gate gate, RedisValue? token) : IAsyncDisposable
    {
        private int disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
            {
                return;
            }

            if (token is { } held)
            {
                await order.ReleaseRedisLockAsync(id, held).ConfigureAwait(false);
            }

            order.Leave(id, gate, release: true);
        }
    }

    private sealed class NoWait : IAsyncDisposable
    {
        public static readonly NoWait Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
