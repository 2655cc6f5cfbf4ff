using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QaService.Host.Web.OpenAi;

namespace QaService.Host.Web;

/// <summary>
/// ASP.NET Core's rate limiter on the question endpoints: a fixed window per client address, configured by
/// <see cref="AskRateLimitOptions"/>. A client past its limit gets a 429 with <c>Retry-After</c>: a problem reply, or
/// on <c>/v1</c> an error in OpenAI's shape.
/// </summary>
internal static class AskRateLimiting
{
    public const string PolicyName = "questions";

    public static IServiceCollection AddAskRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<AskRateLimitOptions>().BindConfiguration(AskRateLimitOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, Partition);
            limiter.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<AskRateLimitOptions>>().CurrentValue;
        var address = http.Connection.RemoteIpAddress;
        if (!options.Enabled || (options.ExemptLoopback && address is not null && System.Net.IPAddress.IsLoopback(address)))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var client = address?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = options.Window,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.HttpContext.Request.Path.StartsWithSegments("/v1"))
        {
            await OpenAiErrors.RateLimited(seconds).ExecuteAsync(context.HttpContext);
            return;
        }

        await TypedResults.Problem(
                $"This client has asked too many questions in a short time; try again in {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many questions",
                type: "https://tools.ietf.org/html/rfc6585#section-4")
            .ExecuteAsync(context.HttpContext);
    }
}
