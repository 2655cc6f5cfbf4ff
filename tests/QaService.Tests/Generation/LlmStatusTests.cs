using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using QaService.Answering;
using QaService.Host.Web;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary><c>/readyz</c> reports the model's state, and the key shows up nowhere: not in replies, status or logs.</summary>
public sealed class LlmStatusTests
{
    private const string Key = "sk-live-secret-4f9a1c";

    [Fact]
    public async Task Readyz_ReportsTheModelStateWithoutTheKey()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Status(500);
        using var index = new TempFolder();
        await using var app = WebApp.Build(
        [
            "--urls=http://127.0.0.1:0", $"--Index:Path={index.Path}", "--Llm:Provider=OpenAICompatible",
            $"--Llm:Endpoint={server.BaseAddress}", "--Llm:Model=test-model", $"--Llm:ApiKey={Key}",
            "--Llm:MaxRetries=1", "--Llm:BreakerMinimumThroughput=2",
        ]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var healthy = await ReadyzOnceTheIndexIsReadyAsync(client);
        var ask = await client.PostAsJsonAsync("/api/ask", new { question = GenerativeAnswerTests.Question });
        var askBody = await ask.Content.ReadAsStringAsync();
        var broken = await client.GetStringAsync("/readyz");

        Assert.Equal("healthy", JsonDocument.Parse(healthy).RootElement.GetProperty("llm").GetProperty("state").GetString());
        Assert.Equal("breaker open", JsonDocument.Parse(broken).RootElement.GetProperty("llm").GetProperty("state").GetString());
        Assert.Contains("\"fallbackReason\"", askBody);
        Assert.DoesNotContain(Key, healthy + askBody + broken);
        Assert.Equal(2, server.Requests);
        await app.StopAsync();
    }

    private static async Task<string> ReadyzOnceTheIndexIsReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadAsStringAsync();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The index never became ready.");
    }

    [Fact]
    public async Task Ask_WithKeyConfigured_NeverLogsTheKey()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Status(500), FakeReply.Answer("Pezeshkian [1]."));
        using var host = new LlmTestHost(server.BaseAddress, apiKey: Key);

        var reply = await host.AskAsync(GenerativeAnswerTests.Question);

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(Key, StringComparison.Ordinal));
        Assert.Equal(2, server.Requests);
    }
}
