using System.Net.Http.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>Every response from real Kestrel — page, script, API reply, problem, stream, health — carries the security headers.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders_AndNoServerHeader()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("the chat page", await client.GetAsync("/")),
            ("its script", await client.GetAsync("/app.js")),
            ("a reply", await client.PostAsJsonAsync("/api/ask", new { question = "Who wrote the article?" })),
            ("a stream", await client.PostAsJsonAsync("/api/chat/stream", new { question = "Who wrote the article?" })),
            ("a 400 problem", await client.PostAsJsonAsync("/api/ask", new { question = "" })),
            ("a 404", await client.GetAsync("/api/nothing-here")),
            ("a 405", await client.GetAsync("/api/ask")),
            ("health", await client.GetAsync("/healthz")),
            ("the OpenAPI document", await client.GetAsync("/openapi/v1.json")),
        };

        foreach (var (what, response) in responses)
        {
            using (response)
            {
                var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
                Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
                Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
                Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
                Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
                Assert.False(response.Headers.Contains("Server"), $"{what} sends a Server header.");
            }
        }
    }

    [Fact]
    public async Task TheChatPage_HasNoInlineScriptOrStyle()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\sstyle=", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }
}
