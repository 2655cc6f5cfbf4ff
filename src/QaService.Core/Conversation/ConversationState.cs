using System.Text.Json.Serialization;

namespace QaService.Conversation;

/// <summary>A conversation as stored: its id, how many turns it has had, and the latest of them (oldest first).</summary>
public sealed record ConversationState(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("n")] int TurnCount,
    [property: JsonPropertyName("turns")] IReadOnlyList<ConversationTurn> Turns)
{
    public static ConversationState New(string id) => new(id, 0, []);

    public ConversationTurn? LastTurn => Turns.Count == 0 ? null : Turns[^1];

    /// <summary>This conversation with <paramref name="turn"/> added and only the latest <paramref name="maxTurns"/> kept.</summary>
    public ConversationState With(ConversationTurn turn, int maxTurns) =>
        this with { TurnCount = TurnCount + 1, Turns = [.. Turns.Append(turn).TakeLast(maxTurns)] };
}
