using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QaService.Tests.Generation;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>The chat page with a language model configured: a scripted OpenAI-compatible server stands in for it.</summary>
public sealed class ChatPageGenerativeBrowserTests
{
    private const string Question = GenerativeAnswerTests.Question;

    // Replays every change to the latest answer's text as it happens, so a test sees the states the reader saw even
    // when several events land between two paints.
    private const string RecordAnswerTexts = """
        () => {
          window.answerTexts = [];
          const shown = [];
          new MutationObserver((records) => {
            for (const record of records) {
              if (!record.target.matches?.(".message-answer .message-text")) {
                continue;
              }
              for (const node of record.removedNodes) {
                shown.splice(shown.indexOf(node) >>> 0, 1);
              }
              shown.push(...record.addedNodes);
              window.answerTexts.push(shown.map((node) => node.nodeType === Node.TEXT_NODE ? node.data : "").join(""));
            }
          }).observe(document.getElementById("messages"), { childList: true, subtree: true });
        }
        """;

    [Fact]
    public async Task ChatPage_WithModel_StreamsTheGenerativeAnswerInWithItsCitations_AndFlagsAnUncitedOne()
    {
        const string generated = "Masoud Pezeshkian made the visit [2], his first as president [2].";
        const string uncitedGenerated = "Pezeshkian visited Pakistan [7].";
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var http = app.CreateClient();
        llm.Enqueue(FakeReply.Answer(generated), FakeReply.Answer(uncitedGenerated));
        var expected = await AskAsync(http, new { question = Question });
        var uncited = await AskAsync(http, new { question = Question });
        Assert.Equal("generative", expected.Mode);
        Assert.NotNull(uncited.Warning);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");

        // The model holds back the rest of its answer until the page shows its first words.
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        llm.Enqueue(FakeReply.PauseAfter(generated, tokens: 3, resume.Task));
        await input.FillAsync(Question);
        await input.PressAsync("Enter");
        var answer = page.Locator(".message-answer").Last;
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync(string.Concat(FakeReply.Tokens(generated).Take(3)));
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "true");
        resume.SetResult();

        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync(expected.Answer);
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Generative");
        await Expect(answer.Locator(".citation-text")).ToHaveTextAsync(expected.Citations.Select(c => c.Text).ToArray());
        await Expect(answer.Locator(".fallback-reason")).ToBeHiddenAsync();
        await Expect(answer.Locator(".answer-warning")).ToBeHiddenAsync();

        // The answer's [n] references are the sources' markers: each opens the source it names.
        var references = Regex.Matches(expected.Answer, @"\[(\d+)\]").Select(m => m.Value).ToArray();
        Assert.NotEmpty(references);
        var markers = answer.Locator(".message-text .citation-marker");
        await Expect(markers).ToHaveTextAsync(references);
        await markers.Last.ClickAsync();
        var named = expected.Citations[int.Parse(references[^1][1..^1], CultureInfo.InvariantCulture) - 1];
        await Expect(page.Locator("#article-body mark")).ToHaveTextAsync(named.Text);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("chat-generative-answer.png") });

        llm.Enqueue(FakeReply.Answer(uncitedGenerated));
        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await input.FillAsync(Question);
        await input.PressAsync("Enter");
        answer = page.Locator(".message-answer").Last;
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync(uncited.Answer);
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Generative");
        await Expect(answer.Locator(".answer-warning")).ToHaveTextAsync(uncited.Warning);
        await Expect(answer.Locator(".citation-marker")).ToHaveCountAsync(
            Regex.Matches(uncited.Answer, @"\[(\d+)\]").Count(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) <= uncited.Citations.Count));
        Assert.Equal(4, llm.Requests);
    }

    [Fact]
    public async Task ChatPage_WhenModelStreamBreaksMidway_DropsThePartialTextAndShowsTheExtractiveAnswerWithItsReason()
    {
        const string generated = "The visit was made by Masoud Pezeshkian [1].";
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var http = app.CreateClient();
        var extractive = await AskAsync(http, new { question = Question, mode = "extractive" });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        await page.EvaluateAsync(RecordAnswerTexts);

        llm.Enqueue(FakeReply.CutAfter(generated, tokens: 3));
        var input = page.GetByLabel("Your question");
        await input.FillAsync(Question);
        await input.PressAsync("Enter");

        var answer = page.Locator(".message-answer").Last;
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Extractive");
        await Expect(answer.Locator(".fallback-reason")).ToContainTextAsync("broke off midway");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync(extractive.Answer);
        await Expect(answer.Locator(".citation-text")).ToHaveTextAsync(extractive.Citations.Select(c => c.Text).ToArray());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("chat-generative-fallback.png") });

        var texts = await page.EvaluateAsync<string[]>("() => window.answerTexts");
        var partial = string.Concat(FakeReply.Tokens(generated).Take(3));
        var shownPartial = Array.IndexOf(texts, partial);
        Assert.True(shownPartial >= 0, $"the partial answer was never shown: {string.Join(" | ", texts)}");
        Assert.True(Array.LastIndexOf(texts, "") > shownPartial, "the partial answer was not cleared when the stream reset");
        Assert.DoesNotContain(partial + extractive.Answer, texts);
        Assert.Equal(extractive.Answer, texts[^1]);
    }

    private static async Task<Reply> AskAsync(HttpClient http, object request)
    {
        using var response = await http.PostAsJsonAsync("/api/ask", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reply>(JsonSerializerOptions.Web))!;
    }

    private sealed record Reply(string Answer, string Mode, string? Warning, IReadOnlyList<CitationText> Citations);

    private sealed record CitationText(string Text);
}
