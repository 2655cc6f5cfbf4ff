using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using QaService.Generation.Support;

namespace QaService.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// The generative stage: validated <c>Llm</c> options, the prompt files, and the "llm" HttpClient that Semantic
    /// Kernel uses, behind Polly: total timeout, retries with backoff, a circuit breaker and a per-attempt timeout.
    /// </summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName, UnknownSettings.Refuse).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LlmState>();
        services.AddSingleton<PromptFiles>();
        services.AddSingleton<LlmChatFactory>();
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName, UnknownSettings.Refuse).ValidateOnStart();
        services.AddSingleton<SupportChecker>();
        services.AddSingleton<ReplySupport>();
        services.AddSingleton<GenerativeAnswerer>();

        services.AddHttpClient(LlmChatFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm", (pipeline, context) =>
            {
                var llm = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
                var state = context.ServiceProvider.GetRequiredService<LlmState>();
                pipeline.AddTimeout(llm.TotalTimeout);
                if (llm.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = llm.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = llm.RetryDelay,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(
                            HttpClientResiliencePredicates.IsTransient(args.Outcome) && !AsksToWaitLongerThan(args.Outcome.Result, llm.AttemptTimeout)),
                    });
                }

                // Inside the retry, so every attempt counts: the minimum throughput keeps one bad question from opening it.
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = llm.BreakerFailureRatio,
                    MinimumThroughput = llm.BreakerMinimumThroughput,
                    SamplingDuration = llm.BreakerSamplingDuration,
                    BreakDuration = llm.BreakerBreakDuration,
                    StateProvider = state.Breaker.Provider,
                    OnOpened = args =>
                    {
                        state.Breaker.Opened(args.BreakDuration);
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        state.Breaker.HalfOpened();
                        return default;
                    },
                });
                pipeline.AddTimeout(llm.AttemptTimeout);
            });
        return services;
    }

    /// <summary>
    /// A server that asks to be left alone for longer than an attempt may take (<c>Retry-After: 3600</c>) is not waited
    /// for: the question falls back at once, with the server's status (a 429 reads "rate-limited"), rather than after
    /// the whole timeout.
    /// </summary>
    private static bool AsksToWaitLongerThan(HttpResponseMessage? response, TimeSpan limit) =>
        response?.Headers.RetryAfter is { } retryAfter
        && (retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero) > limit;
}
