using System.Diagnostics;
using System.Net;
using System.Text.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>A serving instance on real Kestrel whose index is damaged or replaced under it.</summary>
public sealed class IndexWhileServingTests : IDisposable
{
    private const string Question = "Which Iranian president visited Pakistan?";
    private readonly TempFolder documents = new();

    public void Dispose() => documents.Dispose();

    private static string CurrentGeneration(string indexPath) => Path.Combine(
        indexPath,
        JsonDocument.Parse(File.ReadAllText(Path.Combine(indexPath, "current.json"))).RootElement.GetProperty("Generation").GetString()!);

    [Fact]
    public async Task ReadErrorWhileServing_GivesOne503WithRetryAfter_ThenTheRebuiltIndexAnswers()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();
        Assert.Contains("Pezeshkian", (await client.AskOkAsync(Question)).Answer, StringComparison.Ordinal);
        var damaged = CurrentGeneration(app.IndexPath);

        // Truncated in place, under the open reader: the next search reads past the end of the compound file.
        var compound = Path.Combine(damaged, "_0.cfs");
        File.WriteAllBytes(compound, File.ReadAllBytes(compound)[..200]);

        using var refused = await client.AskAsync(Question);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("damaged", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 says when to try again.");

        var answered = await client.AskOkAsync(Question);
        Assert.Contains("Pezeshkian", answered.Answer, StringComparison.Ordinal);
        await client.AssertCitationsAreExactAsync(answered);
        Assert.NotEqual(damaged, CurrentGeneration(app.IndexPath));

        // The build deletes the replaced generation right after it publishes the new one, which may already be answering.
        for (var waited = 0; waited < 100 && Directory.Exists(damaged); waited++)
        {
            await Task.Delay(100);
        }

        Assert.False(Directory.Exists(damaged), "The damaged generation is deleted once the new one is live.");
    }

    [Fact]
    public async Task IndexCommandBesideAServingInstance_IsTakenUpWithoutARestartOrAFailedRequest()
    {
        var notes = documents.File("notes.md", "# Notes\n\nThe lighthouse keeper counted seven gulls on Monday.\n");
        var settings = new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = notes,
            ["RateLimiting:Enabled"] = "false", // this test asks back to back for as long as the rebuild takes
        };
        await using var app = await KestrelTestApp.StartAsync(settings);
        using var client = app.CreateClient();
        Assert.Contains("gulls", (await client.AskOkAsync("What did the lighthouse keeper count?")).Answer, StringComparison.Ordinal);
        var before = CurrentGeneration(app.IndexPath);

        using var asking = new CancellationTokenSource();
        var statuses = AskUntilCancelledAsync(client, asking.Token);
        File.WriteAllText(notes, "# Notes\n\nThe lighthouse keeper counted eleven herons on Tuesday.\n");
        var command = await CliRunner.RunAsync(
            ["index", $"--Index:Path={app.IndexPath}", "--Documents:IncludeBuiltIn=false", $"--Documents:Sources:0:Path={notes}"], documents.Path);
        Assert.True(command.ExitCode == 0, command.ToString());
        Assert.NotEqual(before, CurrentGeneration(app.IndexPath));

        var answer = await WaitForAnswerAsync(client, "What did the lighthouse keeper count?", "herons");
        await asking.CancelAsync();

        Assert.Contains("herons", answer, StringComparison.Ordinal);
        Assert.All(await statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task ChangedDocument_WithDocumentsWatch_IsAnsweredAndSuggestedFromWithoutARestart()
    {
        var notes = documents.File("notes.md", "# Notes\n\nThe lighthouse keeper counted seven gulls on Monday. The Velmora lighthouse was painted white in 1962 by Ilse Marren.\n");
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = notes,
            ["Documents:Watch"] = "true",
            ["RateLimiting:Enabled"] = "false",
        });
        using var client = app.CreateClient();
        Assert.Contains("gulls", (await client.AskOkAsync("What did the lighthouse keeper count?")).Answer, StringComparison.Ordinal);
        var suggestedBefore = await client.GetStringAsync("/api/documents/notes/suggestions");

        File.WriteAllText(notes, "# Notes\n\nThe lighthouse keeper counted eleven herons on Tuesday. The Corvin lighthouse was painted red in 1975 by Tomas Reyes.\n");

        Assert.Contains("herons", await WaitForAnswerAsync(client, "What did the lighthouse keeper count?", "herons"), StringComparison.Ordinal);
        var suggestedAfter = await client.GetStringAsync("/api/documents/notes/suggestions");
        Assert.Contains("1962", suggestedBefore, StringComparison.Ordinal);
        Assert.Contains("1975", suggestedAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("1962", suggestedAfter, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> AskUntilCancelledAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var statuses = new List<HttpStatusCode>();
        while (!cancellationToken.IsCancellationRequested)
        {
            using var response = await client.AskAsync("What did the lighthouse keeper count?");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<string> WaitForAnswerAsync(HttpClient client, string question, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = (await client.AskOkAsync(question)).Answer;
            if (answer.Contains(expected, StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }
}
