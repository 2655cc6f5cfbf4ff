using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Answering;
using QaService.Conversation;

namespace QaService.Host.Web;

/// <summary>
/// Reads an ask request from the body by hand, so that everything a client can get wrong — the content type, the
/// size, a body that breaks off or arrives too slowly, malformed JSON, a field of the wrong type, an unknown mode or
/// a malformed conversation id — gets a problem reply that says what is wrong, never a 500 or the framework's empty 415.
/// </summary>
internal static partial class AskRequestReader
{
    /// <summary>Bytes a body may take: the longest question with every character escaped as <c>\uXXXX</c>, plus room for the other fields.</summary>
    public static long MaxBodyBytes(int maxQuestionLength) => maxQuestionLength * 6L + 4096;

    public static async Task<(AskRequest? Request, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest http, int maxQuestionLength, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return Refuse("Send the question as JSON with the header Content-Type: application/json.");
        }

        if (!RequestCharset.TryGet(http, out var encoding, out var charset))
        {
            return Refuse($"The body's charset '{charset}' is not one QaService can read; send it as UTF-8.");
        }

        if (RequestContentEncoding.Applied(http) is { } coding)
        {
            return Refuse(RequestContentEncoding.Refusal(coding));
        }

        var limit = MaxBodyBytes(maxQuestionLength);
        if (http.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        // Kestrel enforces this while the body streams in (it also covers chunked bodies, which carry no length).
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = limit;
        }

        AskRequestBody? body;
        try
        {
            await using var transcoded = encoding is null ? null : Encoding.CreateTranscodingStream(http.Body, encoding, Encoding.UTF8, leaveOpen: true);
            body = await JsonSerializer.DeserializeAsync<AskRequestBody>(transcoded ?? http.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return Refuse(Describe(e));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.UnreadableBody(e.StatusCode, limit));
        }
        catch (IOException)
        {
            // The client went away mid-body; nobody reads this reply, and it is no server error.
            return Refuse("The request body broke off before its end.");
        }

        if (body is null)
        {
            return Refuse(NotAnObject);
        }

        if (!TryParseMode(body.Mode, out var mode))
        {
            return Refuse("Unknown mode; use auto, extractive or generative (or leave it out for auto).");
        }

        if (body.ConversationId is not null && !ConversationId.IsWellFormed(body.ConversationId))
        {
            return Refuse(ConversationId.Rule);
        }

        return (new AskRequest(body.Question ?? "", body.ConversationId, mode, body.Explain), null);
    }

    /// <summary>Only the names, in any case: not numbers, not lists such as "extractive, auto".</summary>
    private static bool TryParseMode(string? text, out AnswerMode mode)
    {
        mode = AnswerMode.Auto;
        if (text is null)
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<AnswerMode>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        return false;
    }

    // System.Text.Json's limit when MaxDepth is left at 0.
    private const int DefaultMaxDepth = 64;

    private const string NotAnObject = "The body must be a JSON object such as {\"question\": \"...\"}.";

    private static readonly Dictionary<string, string> ExpectedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["question"] = "a string",
        ["conversationId"] = "a string",
        ["mode"] = "a string: auto, extractive or generative",
        ["explain"] = "true or false",
    };

    /// <summary>Names the field and what it must be, rather than echo the serializer's message, which names .NET types.</summary>
    private static string Describe(JsonException e)
    {
        // The serializer wraps the JSON reader's syntax errors (a JsonException inside); a value of the wrong type or
        // text that is not valid UTF-8 or UTF-16 comes without one.
        var wrongValue = e.InnerException is not JsonException;
        var invalidText = e.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF", StringComparison.Ordinal);
        var field = e.Path is not null && FieldOfPath().Match(e.Path) is { Success: true } match ? match.Groups["name"].Value : null;
        var known = ExpectedTypes.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
        if (e.Message.StartsWith("Duplicate", StringComparison.Ordinal) && known is not null)
        {
            return $"The field '{known}' appears more than once (names are read in any case); send each field once.";
        }

        if (wrongValue && known is not null)
        {
            return invalidText
                ? $"The field '{known}' is not valid Unicode text (it holds a lone surrogate or invalid UTF-8)."
                : $"The field '{known}' must be {ExpectedTypes[known]}.";
        }

        if (wrongValue && e.Path == "$")
        {
            return NotAnObject;
        }

        if ((e.InnerException ?? e).Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"The body nests deeper than {(ApiJson.Options.MaxDepth is 0 ? DefaultMaxDepth : ApiJson.Options.MaxDepth)} levels; an ask request is one flat JSON object such as {{\"question\": \"...\"}}.";
        }

        return e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $"The body is not valid JSON for an ask request (line {line + 1}, byte {position + 1})."
            : "The body is not valid JSON for an ask request.";
    }

    private static (AskRequest?, ProblemHttpResult?) Refuse(string detail) => (null, Problems.BadRequest(detail));

    [GeneratedRegex(@"^\$(?:\.(?<name>[A-Za-z_]+)|\['(?<name>[^']+)'\])")]
    private static partial Regex FieldOfPath();
}
