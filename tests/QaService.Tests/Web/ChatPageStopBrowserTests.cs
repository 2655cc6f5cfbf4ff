using Microsoft.Playwright;
using QaService.Tests.Generation;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>Stopping an answer that is still being written, with a scripted language model that holds it back.</summary>
public sealed class ChatPageStopBrowserTests
{
    [Fact]
    public async Task Stop_EndsAnAnswerStillBeingWritten_KeepsWhatCame_AndGivesTheQuestionBack()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        var never = new TaskCompletionSource();
        llm.Enqueue(FakeReply.PauseAfter("Masoud Pezeshkian made the visit [1].", tokens: 2, never.Task));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");

        await input.FillAsync(GenerativeAnswerTests.Question);
        await input.PressAsync("Enter");
        var answer = page.Locator(".message-answer");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync("Masoud Pezeshkian");
        await input.PressAsync("Enter");
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Answering…");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Stopped");
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync("Masoud Pezeshkian");
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Expect(input).ToHaveValueAsync(GenerativeAnswerTests.Question);
    }
}
