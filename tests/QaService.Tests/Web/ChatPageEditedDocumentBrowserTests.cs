using Microsoft.Playwright;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>
/// A document edited while the chat page is open (the service watches and indexes it again): a citation from after the
/// edit highlights the span it cites in the new text, not the same offsets in the text the page fetched before.
/// </summary>
public sealed class ChatPageEditedDocumentBrowserTests
{
    [Fact]
    public async Task CitationAfterAnEdit_HighlightsItsSpanInTheEditedText()
    {
        using var folder = new TempFolder();
        var notes = folder.File("notes.md", "# Notes\n\nThe lighthouse keeper counted seven gulls on Monday.\n");
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = notes,
            ["Documents:Watch"] = "true",
            ["RateLimiting:Enabled"] = "false",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        var input = page.GetByLabel("Your question");

        await input.FillAsync("What did the lighthouse keeper count?");
        await input.PressAsync("Enter");
        await page.Locator(".message-answer .citation").First.ClickAsync();
        await Expect(page.Locator("#article-body mark")).ToHaveTextAsync("The lighthouse keeper counted seven gulls on Monday.");

        File.WriteAllText(notes, "# Notes\n\nA storm closed the harbour for a week.\n\nThe lighthouse keeper counted eleven herons on Tuesday.\n");
        using var http = app.CreateClient();
        await WaitForAsync(async () => (await http.GetStringAsync("/api/documents/notes")).Contains("herons", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await input.FillAsync("What did the lighthouse keeper count?");
        await input.PressAsync("Enter");
        await Expect(page.Locator(".message-answer .citation").First).ToContainTextAsync("herons");
        await page.Locator(".message-answer .citation").First.ClickAsync();

        await Expect(page.Locator("#article-body mark")).ToHaveTextAsync("The lighthouse keeper counted eleven herons on Tuesday.");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
