using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaService.Host.Web;

/// <summary>The wire format shared by the HTTP API and <c>ask --json</c>: camelCase, enums as lower-case strings.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
