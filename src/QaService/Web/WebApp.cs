using QaService.Host.Web;

namespace QaService.Host.Web;

/// <summary>The <c>serve</c> command: the HTTP API (and, later, the chat page) over Kestrel.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        UserSecrets.AddInEveryEnvironment(builder.Configuration);
        builder.Services.AddQaCore().AddIndexingAtStart();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHttpLogging(o => o.LoggingFields =
            Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath
            | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpLogging();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapOpenApi();
        app.MapHealthEndpoints();
        var api = app.MapGroup("/api").WithTags("QaService");
        api.MapAskEndpoints();
        api.MapDocumentEndpoints();
        return app;
    }
}
