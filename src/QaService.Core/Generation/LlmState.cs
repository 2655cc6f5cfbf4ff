using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace QaService.Generation;

/// <summary>What the language model looks like from here: configured or not, and whether its circuit breaker is open.</summary>
public sealed class LlmState(IOptions<LlmOptions> options, TimeProvider time)
{
    // Until the breaker first opens, and while a trial call is out, no break is known to be over.
    private long breakEndsTicks = long.MaxValue;

    /// <summary>Attached to the breaker of the LLM's HTTP pipeline, so the state can be read without calling the model.</summary>
    internal CircuitBreakerStateProvider Breaker { get; } = new();

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>
    /// True while failures keep the breaker open: generative answers are skipped without a call. Polly reports an open
    /// breaker until a call reaches it after the break, so the break's end is kept here: past it, the next question
    /// goes to the model, and that attempt closes the breaker or opens it again.
    /// </summary>
    public bool IsBreakerOpen => Breaker.CircuitState switch
    {
        CircuitState.Isolated => true,
        CircuitState.Open => !BreakIsOver,
        _ => false,
    };

    private bool BreakIsOver => time.GetUtcNow().UtcTicks >= Interlocked.Read(ref breakEndsTicks);

    public LlmStatus Status()
    {
        var llm = options.Value;
        if (!llm.IsConfigured)
        {
            return new LlmStatus("not configured", llm.Provider.ToString(), null, null);
        }

        var state = Breaker.CircuitState switch
        {
            CircuitState.Isolated => "breaker open",
            CircuitState.Open when !BreakIsOver => "breaker open",
            CircuitState.Open or CircuitState.HalfOpen => "recovering",
            _ => "healthy",
        };
        return new LlmStatus(state, llm.Provider.ToString(), llm.Model, LlmEndpoint.Describe(llm));
    }

    /// <summary>Called by the breaker as it opens (a manual isolation's break never ends).</summary>
    internal void BreakerOpened(TimeSpan breakDuration)
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref breakEndsTicks, breakDuration.Ticks >= long.MaxValue - now ? long.MaxValue : now + breakDuration.Ticks);
    }

    /// <summary>Called by the breaker as it lets a trial call through.</summary>
    internal void BreakerHalfOpened() => Interlocked.Exchange(ref breakEndsTicks, long.MaxValue);
}

/// <summary>The LLM's state as <c>/readyz</c> and the REPL's <c>/status</c> show it; never holds the key.</summary>
public sealed record LlmStatus(string State, string Provider, string? Model, string? Endpoint);
