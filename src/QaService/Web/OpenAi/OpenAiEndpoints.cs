using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Conversation;
using QaService.Indexing;

namespace QaService.Host.Web.OpenAi;

/// <summary>
/// OpenAI's chat-completions protocol over the same pipeline as <c>/api</c>: <c>POST /v1/chat/completions</c>
/// (streamed or not) and <c>GET /v1/models</c>, behind optional bearer keys (<c>OpenAi:ApiKeys</c>).
/// </summary>
internal static class OpenAiEndpoints
{
    public static IServiceCollection AddOpenAiEndpoints(this IServiceCollection services)
    {
        services.AddOptions<OpenAiOptions>().BindConfiguration(OpenAiOptions.SectionName, UnknownSettings.Refuse).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Bare error statuses on <c>/v1</c> (an unknown path, a wrong method, a server's 413) get OpenAI's error shape
    /// instead of a problem reply. Put it inside <c>UseStatusCodePages</c>. (The rate limiter writes its own 429 there.)
    /// </summary>
    public static IApplicationBuilder UseOpenAiErrorReplies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var response = context.Response;
        if (context.Request.Path.StartsWithSegments("/v1") && !response.HasStarted && response.StatusCode >= 400
            && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await OpenAiErrors.ForStatus(response.StatusCode).ExecuteAsync(context);
        }
    });

    public static IEndpointRouteBuilder MapOpenAiEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("OpenAI-compatible").AddEndpointFilter(RequireKeyAsync);
        v1.MapMethods("/models", ReadMethods.GetAndHead, () => Results.Json(OpenAiModels.List(), OpenAiJson.Options))
            .WithName("OpenAiModels").WithSummary("Lists the service as OpenAI models: qaservice and qaservice-extractive.");
        v1.MapMethods("/models/{id}", ReadMethods.GetAndHead, (string id) => OpenAiModels.ModeOf(id) is null
                ? OpenAiErrors.UnknownModel(id)
                : Results.Json(OpenAiModels.Card(id), OpenAiJson.Options))
            .WithName("OpenAiModel").WithSummary("One of the models of /v1/models.");
        v1.MapPost("/chat/completions", CompleteAsync)
            .RequireRateLimiting(AskRateLimiting.PolicyName)
            .WithName("OpenAiChatCompletions")
            .WithSummary("Answers the last user message, with the earlier ones as the conversation, in OpenAI's chat-completions format.");
        return app;
    }

    private static async Task<IResult> CompleteAsync(
        HttpRequest http, Asker asker, IOptions<OpenAiOptions> options, IOptions<ConversationStoreOptions> conversations, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(http, options.Value.MaxRequestBytes, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (request, error) = ChatRequestReader.Read(body);
        if (request is null)
        {
            return error!;
        }

        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        IAsyncEnumerator<AskEvent>? events = null;
        try
        {
            var ask = new AskRequest(request.Question, await ReplayAsync(asker, request, conversations.Value.MaxTurns, cancellationToken), request.Mode);
            if (!request.Stream)
            {
                var reply = await asker.AskAsync(ask, cancellationToken);
                return Results.Json(Completion(reply, id, created, request.Model), OpenAiJson.Options);
            }

            // The first step refuses a bad question or a missing index: take it while the reply can still be a 400 or 503.
            events = asker.AskStreamAsync(ask, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var hasFirst = await events.MoveNextAsync();
            return new ChatCompletionStream(events, hasFirst, id, created, request.Model);
        }
        catch (Exception e) when (e is InvalidQuestionException or IndexNotReadyException)
        {
            if (events is not null)
            {
                await events.DisposeAsync();
            }

            return e is InvalidQuestionException ? OpenAiErrors.BadRequest(e.Message, "messages") : OpenAiErrors.NotReady(http.HttpContext.Response, e.Message);
        }
    }

    /// <summary>
    /// The earlier user messages, asked again (extractively) in a new conversation, so the question is read as a
    /// follow-up exactly as on <c>/api</c> with a conversation id; null when there are none.
    /// </summary>
    private static async Task<string?> ReplayAsync(Asker asker, ChatRequest request, int maxTurns, CancellationToken cancellationToken)
    {
        if (request.EarlierQuestions.Count == 0)
        {
            return null;
        }

        var conversationId = ConversationId.New();
        foreach (var question in request.EarlierQuestions.TakeLast(maxTurns))
        {
            await asker.AskAsync(new AskRequest(question, conversationId, AnswerMode.Extractive), cancellationToken);
        }

        return conversationId;
    }

    private static ChatCompletion Completion(AskReply reply, string id, long created, string model) => new(
        id, "chat.completion", created, model,
        [new ChatChoice(0, new AssistantMessage("assistant", ReferencedAnswer.Of(reply)), "stop")],
        WireCitation.Of(reply.Citations), WireSupport.Of(reply.Support), AnswerDetails.Of(reply));

    private static async Task<(JsonElement Body, IResult? Error)> ReadBodyAsync(HttpRequest http, int limit, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return (default, OpenAiErrors.BadRequest("Send the request as JSON with the header Content-Type: application/json."));
        }

        if (!RequestCharset.TryGet(http, out var encoding, out var charset))
        {
            return (default, OpenAiErrors.BadRequest($"The body's charset '{charset}' is not one QaService can read; send it as UTF-8."));
        }

        if (RequestContentEncoding.Applied(http) is { } coding)
        {
            return (default, OpenAiErrors.BadRequest(RequestContentEncoding.Refusal(coding)));
        }

        if (http.ContentLength > limit)
        {
            return (default, OpenAiErrors.TooLarge(limit));
        }

        var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (default, OpenAiErrors.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, OpenAiErrors.TooLarge(limit));
        }

        try
        {
            var utf8 = encoding is null ? buffer.ToArray() : Encoding.Convert(encoding, Encoding.UTF8, buffer.ToArray());
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, OpenAiErrors.BadRequest($"The body is not valid JSON ({e.Message.Split('.')[0]})."));
        }
        catch (InvalidOperationException)
        {
            // Checking names for duplicates decodes them, and a name holding half a surrogate pair cannot be.
            return (default, OpenAiErrors.BadRequest("The body holds a field name that is not valid Unicode text."));
        }
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<IOptions<OpenAiOptions>>().Value.ApiKeys;
        if (keys.Count == 0)
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        return given.Length > 0 && keys.Any(key => SameKey(key, given)) ? await next(context) : OpenAiErrors.InvalidKey();
    }

    // Compares digests in constant time, so neither the key's content nor its length leaks through timing.
    private static bool SameKey(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
