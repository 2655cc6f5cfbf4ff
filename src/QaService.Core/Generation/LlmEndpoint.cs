namespace QaService.Generation;

/// <summary>The base address the OpenAI connector talks to, per provider.</summary>
internal static class LlmEndpoint
{
    private static readonly Uri OpenAI = new("https://api.openai.com/v1/");

    public static Uri For(LlmOptions options)
    {
        var configured = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint);
        return options.Provider switch
        {
            LlmProvider.OpenAI => configured is null ? OpenAI : WithTrailingSlash(configured),

            // A bare resource address (https://name.openai.azure.com) means its OpenAI-compatible v1 API.
            LlmProvider.AzureOpenAI when configured!.AbsolutePath == "/" => new Uri(configured, "/openai/v1/"),
            _ => WithTrailingSlash(configured!),
        };
    }

    /// <summary>The address without user info or query, fit to show in a status.</summary>
    public static string Describe(LlmOptions options) => For(options).GetLeftPart(UriPartial.Path);

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
