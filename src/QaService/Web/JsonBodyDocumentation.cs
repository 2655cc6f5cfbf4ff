using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QaService.Host.Web;

internal static class JsonBodyDocumentation
{
    /// <summary>
    /// Describes in the OpenAPI document a JSON body that the handler reads itself. <c>Accepts&lt;T&gt;()</c> would
    /// describe it too, but would also make routing answer 415 to any other content type, where the API promises a
    /// 400 problem that says what is wrong.
    /// </summary>
    public static RouteHandlerBuilder DescribeJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
