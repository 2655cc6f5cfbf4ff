using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QaService.Conversation;
using QaService.Generation;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class HealthEndpoints
{
    /// <summary>
    /// Ready means the index is; the language model's and the conversation store's states are reported but never
    /// block, as answers fall back (to extractive answers, to questions answered on their own).
    /// </summary>
    public sealed record Readiness(string Status, string Index, string? Detail, LlmStatus Llm, ConversationsStatus Conversations);

    public sealed record Liveness(string Status);

    /// <summary>Where conversations are kept ("memory" or "redis"), and whether that store is "available", "recovering" or "unavailable".</summary>
    public sealed record ConversationsStatus(string Store, string State);

    private static readonly Liveness Alive = new("alive");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/healthz", ReadMethods.GetAndHead, () => TypedResults.Ok(Alive))
            .WithName("Health").WithSummary("Answers while the process is alive.");
        app.MapMethods("/readyz", ReadMethods.GetAndHead, Ready)
            .WithName("Ready").WithSummary("Answers 200 once the index is ready, 503 before; reports the language model's state.")
            .Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<Ok<Readiness>, JsonHttpResult<Readiness>> Ready(
        IndexOwner index, LlmState llm, IOptions<ConversationStoreOptions> conversations, ConversationRedisBreaker redis)
    {
        var store = conversations.Value.UsesRedis ? new ConversationsStatus("redis", redis.State) : new ConversationsStatus("memory", "available");
        return index.IsReady
            ? TypedResults.Ok(new Readiness("ready", "ready", null, llm.Status(), store))
            : TypedResults.Json(
                new Readiness("not ready", index.Failure is null ? "building" : "failed", index.Failure ?? index.BuildStep, llm.Status(), store),
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
