using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace QaService.Conversation;

internal sealed class ConversationStoreOptionsValidator : IValidateOptions<ConversationStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationStoreOptions options)
    {
        if (!options.UsesRedis)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            return ConfigurationOptions.Parse(options.Redis!).EndPoints.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("ConversationStore:Redis names no server; use host:port, e.g. 127.0.0.1:6379.");
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"ConversationStore:Redis is not a valid Redis connection string: {e.Message}");
        }
    }
}
