using System.Text.Json;

namespace QaService.Host.Web.OpenAi;

/// <summary>
/// Reads a chat completion body and says exactly what is wrong with a bad one. Parameters the service has no use for
/// (temperature, max_tokens, tools …) are accepted and ignored, though the sampling ones must lie in the ranges
/// OpenAI's API documents, so a client's mistake is reported here as it would be there; <c>n</c> above 1 is refused,
/// since one answer is all the service gives.
/// </summary>
internal static class ChatRequestReader
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant"];

    private static readonly (string Name, double Min, double Max, bool Whole)[] Ranges =
    [
        ("temperature", 0, 2, false), ("top_p", 0, 1, false), ("presence_penalty", -2, 2, false), ("frequency_penalty", -2, 2, false),
        ("max_tokens", 1, int.MaxValue, true), ("max_completion_tokens", 1, int.MaxValue, true),
    ];

    /// <summary>The request, or the error reply to send instead.</summary>
    public static (ChatRequest? Request, IResult? Error) Read(JsonElement body)
    {
        try
        {
            return ReadValid(body);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("UTF", StringComparison.Ordinal))
        {
            // System.Text.Json parses such strings but refuses to turn them into .NET text.
            return Fail("The body holds text that is not valid Unicode (a lone surrogate or invalid UTF-8).");
        }
    }

    private static (ChatRequest? Request, IResult? Error) ReadValid(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Fail("The body must be a JSON object with 'model' and 'messages'.");
        }

        if (!body.TryGetProperty("model", out var modelElement) || modelElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(modelElement.GetString()))
        {
            return Fail($"'model' is required: use {string.Join(" or ", OpenAiModels.Ids)}.", "model");
        }

        var model = modelElement.GetString()!;
        if (OpenAiModels.ModeOf(model) is not { } mode)
        {
            return (null, OpenAiErrors.UnknownModel(model));
        }

        if (body.TryGetProperty("n", out var n) && n.ValueKind != JsonValueKind.Null
            && !(n.ValueKind == JsonValueKind.Number && n.TryGetDouble(out var count) && count == 1))
        {
            return Fail("'n' must be 1: QaService gives one answer per request.", "n", "unsupported_value");
        }

        foreach (var (name, min, max, whole) in Ranges)
        {
            if (body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                && !(value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
                     && (!whole || number == Math.Floor(number))))
            {
                return Fail(whole ? $"'{name}' must be a whole number from {min} to {max:N0}." : $"'{name}' must be a number from {min} to {max}.", name, "invalid_value");
            }
        }

        var stream = false;
        if (body.TryGetProperty("stream", out var streamElement) && streamElement.ValueKind != JsonValueKind.Null)
        {
            if (streamElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("'stream' must be true or false.", "stream");
            }

            stream = streamElement.GetBoolean();
        }

        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return Fail("'messages' is required: a non-empty array of {\"role\", \"content\"}, ending with the user's question.", "messages");
        }

        var questions = new List<string>();
        var lastRole = "";
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var param = $"messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                return Fail($"{param} must be an object with 'role' and 'content'.", param);
            }

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : null;
            if (role is null || !Roles.Contains(role))
            {
                return Fail($"{param}.role must be one of {string.Join(", ", Roles)}{(role is null ? "" : $", not '{role}'")}.", param + ".role");
            }

            var (content, error) = Content(message, param, required: role == "user");
            if (error is not null)
            {
                return (null, error);
            }

            if (role == "user")
            {
                questions.Add(content!);
            }

            lastRole = role;
        }

        if (lastRole != "user")
        {
            return Fail("The last message must be the user's question (role 'user').", "messages");
        }

        return (new ChatRequest(model, mode, stream, questions[..^1], questions[^1]), null);
    }

    /// <summary>A message's text: a string, or an array of text parts. A user message's text must not be empty.</summary>
    private static (string? Text, IResult? Error) Content(JsonElement message, string param, bool required)
    {
        string? text;
        var content = message.TryGetProperty("content", out var c) ? c : default;
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                text = content.GetString();
                break;
            case JsonValueKind.Array:
                var parts = new List<string>();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                        || type.GetString() != "text" || !part.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String)
                    {
                        return (null, OpenAiErrors.BadRequest($"{param}.content: only text parts ({{\"type\": \"text\", \"text\": \"...\"}}) are supported.", param + ".content"));
                    }

                    parts.Add(partText.GetString()!);
                }

                text = string.Join("\n", parts);
                break;
            case JsonValueKind.Undefined or JsonValueKind.Null when !required:
                text = "";
                break;
            default:
                return (null, OpenAiErrors.BadRequest($"{param}.content must be a string or an array of text parts.", param + ".content"));
        }

        return required && string.IsNullOrWhiteSpace(text)
            ? (null, OpenAiErrors.BadRequest($"{param}.content is empty: a user message must hold a question.", param + ".content"))
            : (text, null);
    }

    private static (ChatRequest?, IResult?) Fail(string message, string? param = null, string code = "invalid_request") =>
        (null, OpenAiErrors.BadRequest(message, param, code));
}
