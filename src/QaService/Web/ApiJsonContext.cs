using System.Text.Json.Serialization;
using QaService.Answering;

namespace QaService.Host.Web;

/// <summary>
/// Serialisation code generated at build time for the API's own types, so no reply is written through reflection.
/// Naming, enum and null handling still come from <see cref="ApiJson"/>'s options.
/// </summary>
[JsonSerializable(typeof(AskReply))]
[JsonSerializable(typeof(AskRequestBody))]
[JsonSerializable(typeof(IReadOnlyList<Citation>))]
[JsonSerializable(typeof(ChatStreamEndpoints.AnswerDelta))]
[JsonSerializable(typeof(ChatStreamEndpoints.AnswerReset))]
[JsonSerializable(typeof(List<DocumentEndpoints.DocumentSummary>))]
[JsonSerializable(typeof(DocumentEndpoints.DocumentText))]
[JsonSerializable(typeof(SuggestionEndpoints.Suggestions))]
[JsonSerializable(typeof(HealthEndpoints.Liveness))]
[JsonSerializable(typeof(HealthEndpoints.Readiness))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
