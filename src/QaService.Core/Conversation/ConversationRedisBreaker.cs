using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace QaService.Conversation;

/// <summary>
/// Keeps an unreachable Redis from costing every question its timeouts (a few seconds for each of the turn lock, the
/// read and the save): once calls to Redis fail, Polly's circuit breaker fails them at once for
/// <see cref="BreakDuration"/>, and the store and the turn order go on without Redis, each question answered on its
/// own. After the break one call tries Redis again, and closes the breaker when it answers.
/// </summary>
public sealed partial class ConversationRedisBreaker
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly BreakerWatch watch;
    private readonly ResiliencePipeline pipeline;

    public ConversationRedisBreaker(TimeProvider time, ILogger<ConversationRedisBreaker> logger)
    {
        watch = new BreakerWatch(time);
        pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
                StateProvider = watch.Provider,
                OnOpened = args =>
                {
                    watch.Opened(args.BreakDuration);
                    LogOpened(logger, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    watch.HalfOpened();
                    return default;
                },
                OnClosed = _ =>
                {
                    LogClosed(logger);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>"available", "recovering" (the break is over: the next call tries Redis again) or "unavailable" (calls fail at once).</summary>
    public string State => watch.Reading switch
    {
        BreakerReading.Closed => "available",
        BreakerReading.Recovering => "recovering",
        _ => "unavailable",
    };

    /// <summary>Runs a call to Redis; throws <see cref="BrokenCircuitException"/> at once while Redis is held unavailable.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(call, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "Redis keeps failing: conversations are not kept for the next {Seconds} s, and each question is answered on its own.")]
    private static partial void LogOpened(ILogger logger, double seconds);

    [LoggerMessage(LogLevel.Information, "Redis answers again: conversations are kept again.")]
    private static partial void LogClosed(ILogger logger);
}
