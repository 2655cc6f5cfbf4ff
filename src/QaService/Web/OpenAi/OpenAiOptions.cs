using System.ComponentModel.DataAnnotations;

namespace QaService.Host.Web.OpenAi;

/// <summary>The <c>OpenAi</c> section: who may use <c>/v1</c>.</summary>
internal sealed class OpenAiOptions
{
    public const string SectionName = "OpenAi";

    /// <summary>Bearer keys accepted on <c>/v1</c>; empty (the default) lets anyone in. Secrets: never logged or returned.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The largest request body accepted on <c>/v1</c>, in bytes.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
}
