using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace QaService.Host.Web;

/// <summary>The wire format shared by the HTTP API and <c>ask --json</c>: camelCase, enums as lower-case strings.</summary>
internal static class ApiJson
{
    // Relaxed escaping, as ASP.NET Core's own HTTP JSON uses: curly quotes and accents stay readable (never embedded in HTML).
    // A request that names a field twice ("question" and "Question": names are read in any case) is refused rather
    // than read by its last value.
    public static JsonSerializerOptions Options { get; } = Configure(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, AllowDuplicateProperties = false });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // Generated code first; reflection only for what it does not cover (ASP.NET Core's own types, /healthz's anonymous object).
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
        return options;
    }
}
