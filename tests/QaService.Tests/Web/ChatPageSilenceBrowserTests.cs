using Microsoft.Playwright;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>
/// A connection that goes silent (a proxy holding the request, a server that hangs) does not leave the page waiting
/// for ever: the browser's clock is run past the page's silence limit.
/// </summary>
public sealed class ChatPageSilenceBrowserTests
{
    [Fact]
    public async Task Ask_WhenNothingComesBack_GivesUpWithAnError_AndGivesTheQuestionBack()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        var held = new TaskCompletionSource();
        await page.RouteAsync("**/api/chat/stream", _ =>
        {
            held.TrySetResult();
            return Task.CompletedTask;
        });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");

        await input.FillAsync("Who visited Pakistan?");
        await input.PressAsync("Enter");
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var answer = page.Locator(".message-answer");
        await page.Clock.RunForAsync(290_000);
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Answering…");
        await page.Clock.RunForAsync(11_000);

        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Error");
        await Expect(answer.Locator(".message-text")).ToContainTextAsync("stopped answering");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Expect(input).ToHaveValueAsync("Who visited Pakistan?");
    }
}
