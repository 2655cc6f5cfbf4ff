using QaService.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Tests.Web;

public sealed class ProblemRepliesTests
{
    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/documents/no-such-document")]
    [InlineData("/api/documents/no-such-document/suggestions")]
    public async Task UnknownRouteOrDocument_ReturnsNotFoundProblem(string path)
    {
        await using var factory = new QaAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await ReadJsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WhileTheIndexIsNotReady_AnswersServiceUnavailableProblem_ThenServesOnceReady()
    {
        await using var factory = new QaAppFactory()
            .WithSetting("Index:ReadyTimeout", "00:00:00")
            .WithServices(s => s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IndexingService))));
        using var client = factory.CreateClient();

        using var notReady = await client.GetAsync("/readyz");
        using var stream = await client.PostAsJsonAsync("/api/chat/stream", new { question = "Who visited Pakistan?" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stream.StatusCode);
        Assert.Equal("application/problem+json", stream.Content.Headers.ContentType?.MediaType);

        // The refused question started the build; the service becomes ready without a restart.
        await WaitUntilReadyAsync(client);
        using var answered = await client.PostAsJsonAsync("/api/chat/stream", new { question = "Who visited Pakistan?" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task WhileTheIndexIsNotReady_V1Answers503InOpenAisShape_WithRetryAfter()
    {
        await using var factory = new QaAppFactory()
            .WithSetting("Index:ReadyTimeout", "00:00:00")
            .WithServices(s => s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IndexingService))));
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "qaservice", messages = new[] { new { role = "user", content = "Who visited Pakistan?" } } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("service_unavailable", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnexpectedExceptionWhileAnswering_Returns422ProblemWithoutTheMessage_AndLogsIt()
    {
        await using var factory = new QaAppFactory().WithServices(s => s.AddSingleton<ISemanticScorer, ExplodingScorer>());
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/api/ask", "/api/chat/stream" })
        {
            using var response = await client.PostAsJsonAsync(path, new { question = "Who visited Pakistan?" });
            var body = await response.Content.ReadAsStringAsync();

            // Never a 500 for something a client sent: the question could not be answered, and the fault is logged.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(ExplodingScorer.Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        }

        Assert.Contains(factory.Logs.AtLeast(LogLevel.Error), e => e.Exception?.Message == ExplodingScorer.Secret);
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var ready = await client.GetAsync("/readyz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The index never became ready.");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private sealed class ExplodingScorer : ISemanticScorer
    {
        public const string Secret = "internal detail: connection string Password=hunter2";

        public SemanticScores Score(IndexSnapshot snapshot, string question, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
