using QaService.Tests.Support;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace QaService.Tests.Web;

public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Healthz_AnswersWhileAlive_AndReadyzOnceTheIndexIsReady()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var documents = await client.GetAsync("/api/documents");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        foreach (var probe in new[] { "/healthz", "/readyz" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, probe));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpointAndItsProblemReplies()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);

        var expected = new (string Path, string Method, int[] Problems)[]
        {
            ("/api/ask", "post", [400, 503]),
            ("/api/chat/stream", "post", [400, 503]),
            ("/api/documents", "get", [503]),
            ("/api/documents/{id}", "get", [404, 503]),
            ("/api/documents/{id}/suggestions", "get", [404, 503]),
        };
        foreach (var (path, method, problems) in expected)
        {
            var responses = paths.GetProperty(path).GetProperty(method).GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _), $"{method} {path} documents no 200 reply");
            foreach (var status in problems)
            {
                var content = responses.GetProperty(status.ToString()).GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out _), $"{method} {path} {status} is not a problem reply");
            }
        }

        Assert.True(paths.GetProperty("/api/chat/stream").GetProperty("post").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("text/event-stream", out _));
        foreach (var path in new[] { "/api/ask", "/api/chat/stream" })
        {
            var body = paths.GetProperty(path).GetProperty("post").GetProperty("requestBody");
            Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _), $"{path} documents no JSON body");
        }

        Assert.True(paths.TryGetProperty("/healthz", out _));
        Assert.True(paths.GetProperty("/readyz").GetProperty("get").GetProperty("responses").TryGetProperty("503", out _));
    }

    [Fact]
    public async Task Requests_ByDefault_AreNotLoggedOneByOne()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var found = await client.GetAsync("/api/documents/article");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachRequest_WithTheRequestLogOn_IsLoggedOnceWithMethodPathAndStatus()
    {
        await using var factory = new QaAppFactory().WithSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Information");
        using var client = factory.CreateClient();

        using var found = await client.GetAsync("/api/documents/article");
        using var missing = await client.GetAsync("/api/documents/nope");

        var requests = factory.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)).ToList();
        Assert.Single(requests, e => e.Message.Contains("/api/documents/article", StringComparison.Ordinal) && e.Message.Contains("200", StringComparison.Ordinal));
        Assert.Single(requests, e => e.Message.Contains("/api/documents/nope", StringComparison.Ordinal) && e.Message.Contains("404", StringComparison.Ordinal));
        Assert.All(requests, e => Assert.Equal(LogLevel.Information, e.Level));
    }

    [Fact]
    public async Task Root_ServesTheChatPageAndItsScripts()
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");
        using var script = await client.GetAsync("/app.js");
        using var styles = await client.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"messages\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }
}
