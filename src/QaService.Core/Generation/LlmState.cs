using Microsoft.Extensions.Options;

namespace QaService.Generation;

/// <summary>What the language model looks like from here: configured or not, and whether its circuit breaker is open.</summary>
public sealed class LlmState(IOptions<LlmOptions> options, TimeProvider time)
{
    /// <summary>Attached to the breaker of the LLM's HTTP pipeline, so the state can be read without calling the model.</summary>
    internal BreakerWatch Breaker { get; } = new(time);

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>
    /// True while failures keep the breaker open: generative answers are skipped without a call. Past the break, the
    /// next question goes to the model, and that attempt closes the breaker or opens it again.
    /// </summary>
    public bool IsBreakerOpen => Breaker.Reading == BreakerReading.Open;

    public LlmStatus Status()
    {
        var llm = options.Value;
        if (!llm.IsConfigured)
        {
            return new LlmStatus("not configured", llm.Provider.ToString(), null, null);
        }

        var state = Breaker.Reading switch
        {
            BreakerReading.Open => "breaker open",
            BreakerReading.Recovering => "recovering",
            _ => "healthy",
        };
        return new LlmStatus(state, llm.Provider.ToString(), llm.Model, LlmEndpoint.Describe(llm));
    }
}

/// <summary>The LLM's state as <c>/readyz</c> and the REPL's <c>/status</c> show it; never holds the key.</summary>
public sealed record LlmStatus(string State, string Provider, string? Model, string? Endpoint);
