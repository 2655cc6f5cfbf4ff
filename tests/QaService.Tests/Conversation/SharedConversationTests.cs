using System.Diagnostics;
using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>Two QaService hosts, each with its own index folder, sharing conversations through one real redis-server.</summary>
public sealed class SharedConversationTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly TempFolder documents = new();

    [Fact]
    public async Task Conversation_StartedOnOneHost_ContinuesOnAnother()
    {
        using var hostA = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:Redis", redis.Address)));
        using var hostB = new QaAppFactory(ConversationApi.Settings(documents, ("ConversationStore:Redis", redis.Address)));

        var first = await hostA.CreateClient().AskAsync("When did the Velmora Harbour Bridge open?");
        var followUp = await hostB.CreateClient().AskAsync("Why was it closed?", first.ConversationId);
        var third = await hostA.CreateClient().AskAsync("How long is its main span?", first.ConversationId);

        Assert.Equal(first.ConversationId, followUp.ConversationId);
        Assert.Equal(2, followUp.Turn);
        Assert.Contains("storm", followUp.Answer);
        Assert.Equal(3, third.Turn);
    }

    [Fact]
    public async Task Conversation_InRedis_ExpiresAfterTimeToLive()
    {
        using var host = new QaAppFactory(ConversationApi.Settings(
            documents, ("ConversationStore:Redis", redis.Address), ("ConversationStore:TimeToLive", "00:00:01")));
        var client = host.CreateClient();
        var first = await client.AskAsync("When did the Velmora Harbour Bridge open?");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await client.AskAsync("Why was it closed?", first.ConversationId);

        Assert.Equal(1, late.Turn);
    }

    [Fact]
    public async Task Serve_WithUnreachableRedis_ExitsWithAClearError()
    {
        using var index = new TempFolder();
        var address = $"127.0.0.1:{RedisServer.FreePort()},connectTimeout=500";
        var settings = ConversationApi.Settings(documents, ("ConversationStore:Redis", address), ("Index:Path", index.Path));
        var service = Path.Combine(AppContext.BaseDirectory, "QaService.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", service, "serve", "--urls=http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = index.Path,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        error = string.Join(' ', error.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await output;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("could not be reached", error);
        Assert.DoesNotContain("connectTimeout", error);
    }

    public void Dispose() => documents.Dispose();
}
