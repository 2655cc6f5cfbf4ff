using System.Text.Encodings.Web;
using System.Text.Json;

namespace QaService.Host.Web.OpenAi;

/// <summary>The wire format of <c>/v1</c>: OpenAI's snake_case names, for every field, our extra ones included.</summary>
internal static class OpenAiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
