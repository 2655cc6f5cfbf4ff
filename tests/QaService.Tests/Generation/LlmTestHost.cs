using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Generation;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary>
/// The real pipeline (index in a temp folder, Semantic Kernel's OpenAI connector, the Polly pipeline) pointed at a
/// <see cref="FakeLlmServer"/>, with small timeouts so fault tests stay fast.
/// </summary>
internal sealed class LlmTestHost : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly IHost host;

    /// <param name="time">The clock the host and its Polly pipeline read (the system's when null).</param>
    public LlmTestHost(string endpoint, IDictionary<string, string?>? settings = null, string apiKey = "sk-test-key-do-not-print", TimeProvider? time = null)
    {
        ApiKey = apiKey;
        var configuration = new Dictionary<string, string?>
        {
            ["Index:Path"] = Path.Combine(folder.Path, "index"),
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = endpoint,
            ["Llm:Model"] = "test-model",
            ["Llm:ApiKey"] = apiKey,
            ["Llm:AttemptTimeout"] = "00:00:05",
            ["Llm:TotalTimeout"] = "00:00:10",
            ["Llm:MaxRetries"] = "2",
            ["Llm:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddQaCore(builder.Configuration);
        host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    public string ApiKey { get; }

    public CapturedLogs Logs { get; } = new();

    public Asker Asker => host.Services.GetRequiredService<Asker>();

    public GenerativeAnswerer Generative => host.Services.GetRequiredService<GenerativeAnswerer>();

    public LlmState Llm => host.Services.GetRequiredService<LlmState>();

    /// <summary>Signals the host's stopping, as Ctrl+C or SIGTERM does.</summary>
    public void StopApplication() => host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

    public Task<AskReply> AskAsync(string question, AnswerMode mode = AnswerMode.Auto, string? conversationId = null) =>
        Asker.AskAsync(new AskRequest(question, conversationId, mode), CancellationToken.None);

    public async Task<List<AskEvent>> StreamAsync(string question, AnswerMode mode = AnswerMode.Auto)
    {
        var events = new List<AskEvent>();
        await foreach (var item in Asker.AskStreamAsync(new AskRequest(question, Mode: mode), CancellationToken.None))
        {
            events.Add(item);
        }

        return events;
    }

    public async Task<QaService.Retrieval.RetrievalResult> RetrieveAsync(string question)
    {
        var snapshot = await host.Services.GetRequiredService<QaService.Indexing.IndexOwner>().GetReadyAsync(CancellationToken.None);
        var retriever = host.Services.GetRequiredService<QaService.Retrieval.Retriever>();
        return retriever.Retrieve(snapshot, QaService.Retrieval.QuestionAnalyzer.Analyze(question), CancellationToken.None);
    }

    public async Task<string> DocumentTextAsync(string id)
    {
        var snapshot = await host.Services.GetRequiredService<QaService.Indexing.IndexOwner>().GetReadyAsync(CancellationToken.None);
        return snapshot.Corpus.FindDocument(id)!.Text;
    }

    public void Dispose()
    {
        host.Dispose();
        folder.Dispose();
    }
}
