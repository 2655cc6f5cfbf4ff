using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QaService.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Conversation memory (in memory, or Redis when <c>ConversationStore:Redis</c> is set) and the reading of
    /// follow-up questions: rewritten by the language model when one is configured and wanted
    /// (<see cref="LlmFollowUpCondenser"/>), read by <see cref="ExtractiveFollowUpCondenser"/> otherwise. Needs <c>AddGeneration</c>.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationStoreOptions>().BindConfiguration(ConversationStoreOptions.SectionName, UnknownSettings.Refuse)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationStoreOptions>, ConversationStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationRedisConnection>();
        services.AddSingleton<ConversationRedisBreaker>();
        services.AddKeyedSingleton(ConversationStore.CacheKey, (provider, _) => CreateCache(
            provider.GetRequiredService<IOptions<ConversationStoreOptions>>().Value, provider.GetRequiredService<ConversationRedisConnection>()));
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationTurnOrder>();
        services.AddHostedService<ConversationStoreCheck>();
        services.AddSingleton<ExtractiveFollowUpCondenser>();
        services.TryAddSingleton<IFollowUpCondenser, LlmFollowUpCondenser>();
        return services;
    }

    private static IDistributedCache CreateCache(ConversationStoreOptions options, ConversationRedisConnection redis) => options.UsesRedis
        ? new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = redis.GetAsync }))
        : new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions
        {
            // Entries are sized by their byte length, so this bounds the store's memory.
            SizeLimit = options.MemoryLimitMegabytes * 1024L * 1024L,
        }));
}
