using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using QaService.Host;
using QaService.Tests.Generation;
using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary>The built binary, started from a folder of its own, reads the settings and prompts it carries.</summary>
public sealed class ProgramFilesTests : IDisposable
{
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    [Fact]
    public async Task Ask_FromAFolderWithoutPrompts_UsesThePromptsBesideTheBinary()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Answer("Masoud Pezeshkian [1].");

        var result = await CliRunner.RunAsync(
            ["ask", "--json", "--mode", "generative", GenerativeAnswerTests.Question, "--Retrieval:Dense=false",
                "--Llm:Provider=OpenAICompatible", $"--Llm:Endpoint={server.BaseAddress}", "--Llm:Model=test-model"],
            workingFolder.Path, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        var reply = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal("generative", reply.GetProperty("mode").GetString());
        Assert.Equal(1, server.Requests);
        Assert.False(Directory.Exists(Path.Combine(workingFolder.Path, "prompts")));
    }

    [Fact]
    public void Settings_FromAFolderWithoutAppSettings_AreTheBinarysOwn()
    {
        var configuration = ConfigurationFor(workingFolder.Path);

        Assert.Equal("3", configuration["Chunking:SentencesPerPassage"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public void Settings_FromAFolderWithItsOwnAppSettings_AreThatFolders()
    {
        workingFolder.File("appsettings.json", """{ "Chunking": { "SentencesPerPassage": 5 } }""");

        var configuration = ConfigurationFor(workingFolder.Path);

        Assert.Equal("5", configuration["Chunking:SentencesPerPassage"]);
        Assert.Null(configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    private static ConfigurationManager ConfigurationFor(string contentRoot)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        ProgramFiles.AddAppSettingsBesideTheBinary(builder.Configuration, contentRoot);
        return builder.Configuration;
    }
}
