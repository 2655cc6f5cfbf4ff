using System.ComponentModel.DataAnnotations;

namespace QaService.Host.Web;

/// <summary>
/// How many questions one client address may ask (<c>/api/ask</c> and <c>/api/chat/stream</c> together) per window
/// (section <c>RateLimiting</c>). The defaults are far above what a person in a chat asks; evaluation and load runs
/// from one address raise them or set <c>Enabled</c> to false.
/// </summary>
public sealed class AskRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Questions one client address may ask per window.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 60;

    /// <summary>The fixed window the limit counts over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Clients on this machine (loopback addresses) are not limited: they are the operator's own tools, such as an
    /// evaluator or a load test. False limits them like any other address.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;

    /// <summary>Questions past the limit that wait for the next window instead of getting a 429 at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }
}
