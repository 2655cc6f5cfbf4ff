using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class HealthEndpoints
{
    public sealed record Readiness(string Status, string Index, string? Detail);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }))
            .WithName("Health").WithSummary("Answers while the process is alive.");
        app.MapGet("/readyz", Ready)
            .WithName("Ready").WithSummary("Answers 200 once the index is ready, 503 before.")
            .Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<Ok<Readiness>, JsonHttpResult<Readiness>> Ready(IndexOwner index) =>
        index.IsReady
            ? TypedResults.Ok(new Readiness("ready", "ready", null))
            : TypedResults.Json(
                new Readiness("not ready", index.Failure is null ? "building" : "failed", index.Failure),
                statusCode: StatusCodes.Status503ServiceUnavailable);
}
