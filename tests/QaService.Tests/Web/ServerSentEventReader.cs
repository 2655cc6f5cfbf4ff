using System.Net.ServerSentEvents;
using System.Text.Json;

namespace QaService.Tests.Web;

public sealed record StreamEvent(string Type, JsonElement Data);

/// <summary>Reads a <c>text/event-stream</c> reply with the BCL's SSE parser.</summary>
public static class ServerSentEventReader
{
    public static async Task<List<StreamEvent>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var events = new List<StreamEvent>();
        await foreach (var item in ReadAsync(response, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    public static async IAsyncEnumerable<StreamEvent> ReadAsync(
        HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            yield return new StreamEvent(item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone());
        }
    }
}
