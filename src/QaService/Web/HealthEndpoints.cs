using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Generation;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class HealthEndpoints
{
    /// <summary>Ready means the index is; the language model's state is reported but never blocks, as answers fall back.</summary>
    public sealed record Readiness(string Status, string Index, string? Detail, LlmStatus Llm);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/healthz", ReadMethods.GetAndHead, () => TypedResults.Ok(new { status = "alive" }))
            .WithName("Health").WithSummary("Answers while the process is alive.");
        app.MapMethods("/readyz", ReadMethods.GetAndHead, Ready)
            .WithName("Ready").WithSummary("Answers 200 once the index is ready, 503 before; reports the language model's state.")
            .Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<Ok<Readiness>, JsonHttpResult<Readiness>> Ready(IndexOwner index, LlmState llm) =>
        index.IsReady
            ? TypedResults.Ok(new Readiness("ready", "ready", null, llm.Status()))
            : TypedResults.Json(
                new Readiness("not ready", index.Failure is null ? "building" : "failed", index.Failure, llm.Status()),
                statusCode: StatusCodes.Status503ServiceUnavailable);
}
