using System.Text.Json.Serialization;

namespace QaService.Conversation;

/// <summary>Source-generated JSON for stored conversations: no reflection, nulls and defaults left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class ConversationJson : JsonSerializerContext;
