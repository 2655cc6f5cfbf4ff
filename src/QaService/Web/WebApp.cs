using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration.Memory;
using QaService.Host.Web.OpenAi;

namespace QaService.Host.Web;

/// <summary>The <c>serve</c> command: the HTTP API and the chat page over Kestrel.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args) => Build(CreateBuilder(args));

    /// <summary>The configured builder, before the pipeline is made; tests add their own services here.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The chat page travels with the binary, so it is found whatever folder the service runs from.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        // A log line per request costs more than a BM25 search under load, so the request log is off unless configured
        // (Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Information); first source, so every other one overrides it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Warning")],
        });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        ProgramFiles.AddAppSettingsBesideTheBinary(builder.Configuration, builder.Environment.ContentRootPath);
        UserSecrets.AddInEveryEnvironment(builder.Configuration);
        builder.Services.AddQaCore(builder.Configuration).AddIndexingAtStart();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientFaultHandler>();
        builder.Services.AddSingleton<AskFailures>();
        builder.Services.AddSingleton<AnsweredStarterQuestions>();
        builder.Services.AddAskRateLimiting();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddOpenApi();
        builder.Services.AddOpenAiEndpoints();
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseOpenAiErrorReplies();
        app.UseHttpLogging();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();

        app.MapOpenApi().WithMetadata(new HttpMethodMetadata(ReadMethods.GetAndHead));
        app.MapHealthEndpoints();
        var api = app.MapGroup("/api").WithTags("QaService");
        api.MapAskEndpoints();
        api.MapChatStreamEndpoints();
        api.MapDocumentEndpoints();
        api.MapSuggestionEndpoints();
        app.MapOpenAiEndpoints();
        return app;
    }
}
