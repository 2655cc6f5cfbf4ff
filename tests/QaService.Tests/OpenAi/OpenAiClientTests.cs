using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using QaService.Tests.Support;
using QaService.Tests.Web;

namespace QaService.Tests.OpenAi;

/// <summary>
/// The official <c>openai</c> npm package (pinned) against the service on real Kestrel: models, a completion, the
/// same completion streamed, a two-turn follow-up and a wrong key. The package is installed from the npm registry
/// into artifacts/ on first use; without node, npm or the registry the test fails and says so.
/// </summary>
public sealed partial class OpenAiClientTests
{
    private const string OpenAiPackage = "openai@4.104.0";
    private const string ApiKey = "sk-qaservice-test";

    [Fact]
    public async Task OfficialOpenAiClient_ListsModelsCompletesStreamsFollowsUpAndIsRefusedAWrongKey()
    {
        var script = await InstallClientAsync();
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["OpenAi:ApiKeys:0"] = ApiKey });
        using var http = app.CreateClient();

        var (exitCode, output, errors) = await RunAsync("node", [script], new() { ["QA_BASE_URL"] = new Uri(app.BaseAddress, "v1").ToString(), ["QA_API_KEY"] = ApiKey });
        Assert.True(exitCode == 0, $"the openai client script failed ({exitCode}):\n{errors}\n{output}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;

        Assert.Equal(["qaservice", "qaservice-extractive"], root.GetProperty("models").EnumerateArray().Select(m => m.GetString()));

        var plain = root.GetProperty("plain");
        var content = plain.GetProperty("content").GetString()!;
        Assert.Contains("Pezeshkian", content);
        Assert.Contains("[1]", content);
        Assert.Equal("stop", plain.GetProperty("finishReason").GetString());
        var document = (await http.GetFromJsonAsync<JsonElement>("/api/documents/article")).GetProperty("text").GetString()!;
        var citations = plain.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal(document[c.GetProperty("start").GetInt32()..c.GetProperty("end").GetInt32()], c.GetProperty("text").GetString()));

        var streamed = root.GetProperty("streamed");
        Assert.Equal(content, streamed.GetProperty("content").GetString());
        Assert.True(streamed.GetProperty("chunks").GetInt32() > 2, "the answer arrives in several chunks");
        Assert.Equal("stop", streamed.GetProperty("finishReason").GetString());
        Assert.Equal(plain.GetProperty("citations").GetRawText(), streamed.GetProperty("citations").GetRawText());

        // The history in messages is read as the conversation: the same answer as /api gives within a conversation,
        // where the follow-up alone would get another.
        var followUp = root.GetProperty("followUp");
        var questions = followUp.GetProperty("questions").EnumerateArray().Select(q => q.GetString()).ToList();
        var first = await http.PostAsJsonAsync("/api/ask", new { question = questions[0], mode = "extractive" });
        var conversationId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();
        var second = await http.PostAsJsonAsync("/api/ask", new { question = questions[1], conversationId, mode = "extractive" });
        var expected = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString();
        Assert.Equal(expected, Reference().Replace(followUp.GetProperty("content").GetString()!, ""));
        var alone = await http.PostAsJsonAsync("/api/ask", new { question = questions[1], mode = "extractive" });
        Assert.NotEqual(expected, (await alone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString());

        var unauthorized = root.GetProperty("unauthorized");
        Assert.Equal(401, unauthorized.GetProperty("status").GetInt32());
        Assert.Equal("invalid_api_key", unauthorized.GetProperty("code").GetString());
        Assert.True(unauthorized.GetProperty("isAuthenticationError").GetBoolean());
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(ApiKey, StringComparison.Ordinal));
    }

    /// <summary>Installs the pinned package into artifacts/openai-client (once) and puts the script beside it.</summary>
    private static async Task<string> InstallClientAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "openai-client");
        Directory.CreateDirectory(folder);
        var installed = Path.Combine(folder, "node_modules", "openai", "package.json");
        var version = OpenAiPackage.Split('@')[1];
        if (!File.Exists(installed) || !File.ReadAllText(installed).Contains($"\"version\": \"{version}\"", StringComparison.Ordinal))
        {
            var (exitCode, output, errors) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, OpenAiPackage], []);
            Assert.True(exitCode == 0, $"npm could not install {OpenAiPackage} from the registry (exit {exitCode}); the client test needs it:\n{errors}\n{output}");
        }

        var script = Path.Combine(folder, "openai-client-check.mjs");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "QaService.Tests", "OpenAi", "openai-client-check.mjs"), script, overwrite: true);
        return script;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{program}' could not be started ({e.Message}): install Node.js 18 or later with npm to run the openai client test.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }

    [GeneratedRegex(@" \[\d+\]")]
    private static partial Regex Reference();
}
