using Microsoft.Playwright;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>What the chat page does with a question the service refuses, in Debian's chromium against real Kestrel.</summary>
public sealed class ChatPageRefusalBrowserTests
{
    [Fact]
    public async Task AQuestionOverTheLimit_GetsTheServicesReason_AndStaysInTheBoxToBeShortened()
    {
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["Answering:MaxQuestionLength"] = "60" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");
        var question = "Which Iranian president visited Pakistan, and what did the visit mean for the region?";

        await input.FillAsync(question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var error = page.Locator(".message-error");
        await Expect(error.Locator(".message-text")).ToContainTextAsync("the limit is 60");
        await Expect(error.Locator(".citations")).ToBeHiddenAsync();
        await Expect(input).ToHaveValueAsync(question);
        await Expect(input).ToBeFocusedAsync();
    }
}
