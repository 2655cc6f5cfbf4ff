using Microsoft.Playwright;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>
/// A tab that continues a conversation the service no longer has (it expired, or the service restarted), in Debian's
/// chromium against real Kestrel: the page says the question was answered on its own.
/// </summary>
public sealed class ChatPageForgottenConversationBrowserTests
{
    [Fact]
    public async Task AFollowUpToAConversationTheServiceForgot_SaysItWasAnsweredOnItsOwn_AndOnlyThatOne()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");
        var answers = page.Locator(".message-answer[aria-busy=false]");
        var notes = page.Locator(".conversation-forgotten:visible");

        await input.FillAsync("Which Iranian president visited Pakistan?");
        await input.PressAsync("Enter");
        await Expect(answers).ToHaveCountAsync(1);
        await Expect(notes).ToHaveCountAsync(0);

        // The tab keeps an id the service has never stored, as after a restart of a service without Redis.
        await page.EvaluateAsync("""
            () => {
              const saved = JSON.parse(sessionStorage.getItem('qaservice.chat'));
              saved.conversationId = 'forgotten-by-the-service';
              sessionStorage.setItem('qaservice.chat', JSON.stringify(saved));
            }
            """);
        await page.ReloadAsync();
        await Expect(answers).ToHaveCountAsync(1);

        await input.FillAsync("When did he visit?");
        await input.PressAsync("Enter");
        await Expect(answers).ToHaveCountAsync(2);
        await Expect(notes).ToHaveCountAsync(1);
        await Expect(answers.Nth(1).Locator(".conversation-forgotten")).ToBeVisibleAsync();

        // The conversation goes on from there, and the note stays with the answer it belongs to.
        await input.FillAsync("Who did he meet?");
        await input.PressAsync("Enter");
        await Expect(answers).ToHaveCountAsync(3);
        await Expect(notes).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(answers).ToHaveCountAsync(3);
        await Expect(answers.Nth(1).Locator(".conversation-forgotten")).ToBeVisibleAsync();
        await Expect(notes).ToHaveCountAsync(1);
    }
}
