using Microsoft.Playwright;
using QaService.Tests.Generation;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>The chat page marks a generated sentence that its passages do not support, and only that one.</summary>
public sealed class ChatPageSupportBrowserTests
{
    private const string Faithful = "Iranian President Masoud Pezeshkian visited Pakistan in the aftermath of two recent conflicts [1].";
    private const string Invented = "Pakistan and Iran signed a gas pipeline treaty in 2025 [1].";

    [Fact]
    public async Task ChatPage_MarksTheUnsupportedSentenceOfAGenerativeAnswer()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Enqueue(FakeReply.Answer($"{Faithful} {Invented}"));
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");
        await input.FillAsync(GenerativeAnswerTests.Question);
        await input.PressAsync("Enter");

        var answer = page.Locator(".message-answer").Last;
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Generative");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync($"{Faithful} {Invented}");
        var marked = answer.Locator(".message-text .sentence-unsupported");
        await Expect(marked).ToHaveCountAsync(1);
        await Expect(marked).ToHaveTextAsync(Invented);
        await Expect(marked).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("Not supported"));

        // Visibly marked: its background is not the paragraph's.
        var backgrounds = await marked.EvaluateAsync<string[]>(
            "mark => [getComputedStyle(mark).backgroundColor, getComputedStyle(mark.parentElement).backgroundColor]");
        Assert.NotEqual(backgrounds[1], backgrounds[0]);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("chat-unsupported-sentence.png") });
    }
}
