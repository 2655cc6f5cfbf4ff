using Polly.CircuitBreaker;

namespace QaService;

/// <summary>How a Polly circuit breaker reads to the service: closed, open, or recovering.</summary>
public enum BreakerReading
{
    Closed,
    Open,
    Recovering,
}

/// <summary>
/// Watches one Polly circuit breaker, so its state can be read without a call. Polly reports an open breaker until a
/// call reaches it after the break, so the break's end is kept here: past it the breaker reads as recovering, and the
/// next call tries again.
/// </summary>
public sealed class BreakerWatch(TimeProvider time)
{
    // Until the breaker first opens, and while a trial call is out, no break is known to be over.
    private long breakEndsTicks = long.MaxValue;

    /// <summary>Given to the breaker's options as their <c>StateProvider</c>.</summary>
    public CircuitBreakerStateProvider Provider { get; } = new();

    public BreakerReading Reading => Provider.CircuitState switch
    {
        CircuitState.Closed => BreakerReading.Closed,
        CircuitState.HalfOpen => BreakerReading.Recovering,
        CircuitState.Open when time.GetUtcNow().UtcTicks >= Interlocked.Read(ref breakEndsTicks) => BreakerReading.Recovering,
        _ => BreakerReading.Open,
    };

    /// <summary>Called from the breaker's <c>OnOpened</c> (a manual isolation's break never ends).</summary>
    public void Opened(TimeSpan breakDuration)
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref breakEndsTicks, breakDuration.Ticks >= long.MaxValue - now ? long.MaxValue : now + breakDuration.Ticks);
    }

    /// <summary>Called from the breaker's <c>OnHalfOpened</c>, as it lets a trial call through.</summary>
    public void HalfOpened() => Interlocked.Exchange(ref breakEndsTicks, long.MaxValue);
}
