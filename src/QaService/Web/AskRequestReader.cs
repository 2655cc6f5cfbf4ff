using System.Text.Json;
using QaService.Answering;

namespace QaService.Host.Web;

/// <summary>
/// Reads an ask request from the body by hand, so that a wrong content type, malformed JSON or an unknown mode
/// each get a 400 problem that says what is wrong, instead of the framework's 415 or empty 400.
/// </summary>
internal static class AskRequestReader
{
    public static async Task<(AskRequest? Request, string? Error)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return (null, "Send the question as JSON with the header Content-Type: application/json.");
        }

        AskRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<AskRequestBody>(http.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON for an ask request ({e.Message.Split('.')[0]}).");
        }

        if (body is null)
        {
            return (null, "The body is empty; send {\"question\": \"...\"}.");
        }

        if (!TryParseMode(body.Mode, out var mode))
        {
            return (null, $"Unknown mode '{body.Mode}'; use auto, extractive or generative.");
        }

        return (new AskRequest(body.Question ?? "", body.ConversationId, mode, body.Explain), null);
    }

    private static bool TryParseMode(string? text, out AnswerMode mode)
    {
        mode = AnswerMode.Auto;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode);
    }
}
