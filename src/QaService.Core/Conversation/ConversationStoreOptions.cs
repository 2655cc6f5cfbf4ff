using System.ComponentModel.DataAnnotations;

namespace QaService.Conversation;

/// <summary>Where conversations live and how much of them is kept (section <c>ConversationStore</c>).</summary>
public sealed class ConversationStoreOptions
{
    public const string SectionName = "ConversationStore";

    /// <summary>Turns kept per conversation; older ones are dropped, so one conversation never grows without bound.</summary>
    [Range(1, 100)]
    public int MaxTurns { get; set; } = 8;

    /// <summary>A conversation not touched for this long is forgotten (sliding: every turn restarts the clock).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A StackExchange.Redis connection string; when set, every instance shares conversations through Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>Most memory, in megabytes, the in-memory store may use; past it new conversations are not kept.</summary>
    [Range(1, 65_536)]
    public int MemoryLimitMegabytes { get; set; } = 16;

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
