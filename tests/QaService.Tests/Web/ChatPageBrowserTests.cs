using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QaService.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QaService.Tests.Web;

/// <summary>The chat page in Debian's chromium, driven by Playwright, against the app on real Kestrel.</summary>
public sealed class ChatPageBrowserTests
{
    private const string Question = "Which Iranian president visited Pakistan?";
    private const string ImageMarkup = "<img src=x onerror=alert(1)>";
    private const string ScriptMarkup = "<script>alert(2)</script>";

    [Fact]
    public async Task ChatPage_StreamsACitedAnswer_OpensTheCitedSpan_StartsOver_AndKeepsMarkupInert()
    {
        using var folder = new TempFolder();
        var markupDocument = folder.File("markup.txt", $"""
            # Harbour notes {ImageMarkup}

            The lighthouse keeper Marta Quill painted the sign {ImageMarkup} on the harbour wall.
            Her apprentice copied the tag {ScriptMarkup} into the logbook.
            """);
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Documents:Sources:0:Path"] = markupDocument,
            ["Documents:Sources:0:Id"] = "harbour",
        });
        using var http = app.CreateClient();
        var expected = await AskAsync(http, Question);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        // The page runs under the service's Content-Security-Policy; anything it blocks is a console error and a
        // securitypolicyviolation event (init scripts come from the browser's tooling, not the page, so the policy lets them run).
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                consoleErrors.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(
            "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var loaded = await page.GotoAsync(app.BaseAddress.ToString());
        Assert.Contains("script-src 'self'", await loaded!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);

        // Starter questions come from the documents themselves; the page names both and speaks of "the documents".
        await Expect(page.Locator(".suggestion").First).ToBeVisibleAsync();
        var titles = (await http.GetFromJsonAsync<JsonElement>("/api/documents")).EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Equal(2, titles.Count);
        await Expect(page.Locator("#document-title")).ToHaveTextAsync(string.Join(" · ", titles));
        await Expect(page.GetByLabel("Your question")).ToHaveAttributeAsync("placeholder", "Ask about the documents…");
        await Expect(page.Locator("#welcome-heading")).ToHaveTextAsync("Ask anything about the documents");

        // Shift+Enter adds a line; Enter sends.
        var input = page.GetByLabel("Your question");
        await input.FillAsync("first line");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("second line");
        await Expect(input).ToHaveValueAsync("first line\nsecond line");
        await Expect(page.Locator(".message")).ToHaveCountAsync(0);
        await input.FillAsync(Question);
        await input.PressAsync("Enter");

        var answer = page.Locator(".message-answer").Last;
        await Expect(answer.Locator(".message-text")).ToHaveTextAsync(expected.Answer);
        await Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".badge-mode")).ToHaveTextAsync("Extractive");
        var firstCitation = answer.Locator(".citation").First;
        await Expect(firstCitation.Locator(".citation-number")).ToHaveTextAsync("1");
        await Expect(firstCitation.Locator(".citation-text")).ToHaveTextAsync(expected.Citations[0].Text);
        Assert.False(string.IsNullOrEmpty(await SavedConversationIdAsync(page)));

        // Each quoted sentence of the answer is followed by its source's number, which adds nothing to the answer's
        // text and opens the source as the list does.
        var quoted = expected.Citations.Select((c, i) => (c.Text, Number: i + 1)).Where(c => expected.Answer.Contains(c.Text, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(quoted);
        var markers = answer.Locator(".message-text .citation-marker");
        await Expect(markers).ToHaveCountAsync(quoted.Count);
        Assert.Equal(quoted.Select(q => q.Number.ToString(CultureInfo.InvariantCulture)), await markers.EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.number)"));
        Assert.Equal($"{quoted[0].Number}", await markers.First.EvaluateAsync<string>("m => getComputedStyle(m, '::after').content.replaceAll('\"', '')"));
        await markers.First.ClickAsync();
        var highlighted = page.Locator("#article-body mark");
        await Expect(highlighted).ToHaveTextAsync(quoted[0].Text);
        await Expect(answer.Locator(".citation.is-active .citation-text")).ToHaveTextAsync(quoted[0].Text);

        await firstCitation.ClickAsync();
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToHaveTextAsync(expected.Citations[0].Text);
        await Expect(highlighted).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("chat-cited-answer.png") });

        // The conversation lives in this tab: a reload shows it again and a follow-up continues it.
        var conversationId = await SavedConversationIdAsync(page);
        await page.ReloadAsync();
        await Expect(page.Locator(".message-answer .message-text")).ToHaveTextAsync(expected.Answer);
        var followUp = await page.RunAndWaitForRequestAsync(
            async () =>
            {
                await input.FillAsync("When did he visit?");
                await input.PressAsync("Enter");
            },
            r => r.Url.EndsWith("/api/chat/stream", StringComparison.Ordinal));
        Assert.Equal(conversationId, JsonDocument.Parse(followUp.PostData!).RootElement.GetProperty("conversationId").GetString());
        await Expect(page.Locator(".message-answer[aria-busy=false]")).ToHaveCountAsync(2);
        await Expect(page.Locator(".conversation-forgotten:visible")).ToHaveCountAsync(0);

        // Small talk is answered in kind and cites nothing.
        await input.FillAsync("thanks!");
        await input.PressAsync("Enter");
        var thanks = page.Locator(".message-answer").Last;
        await Expect(thanks.Locator(".message-text")).ToHaveTextAsync(new Regex("^You're welcome"));
        await Expect(thanks.Locator(".citation")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await Expect(page.Locator(".message")).ToHaveCountAsync(0);
        await Expect(page.Locator("#article-panel")).ToBeHiddenAsync();
        await Expect(page.Locator(".suggestion").First).ToBeVisibleAsync();
        Assert.Null(await SavedConversationIdAsync(page));

        // Markup in a question and in a document is shown as the characters it is made of, and never runs.
        var markupQuestion = $"What did Marta Quill paint on the harbour wall? {ImageMarkup} {ScriptMarkup}";
        await input.FillAsync(markupQuestion);
        await input.PressAsync("Enter");
        await Expect(page.Locator(".message-user .message-text")).ToHaveTextAsync(markupQuestion);
        var markupCitation = page.Locator(".message-answer .citation", new() { HasText = ImageMarkup }).First;
        await markupCitation.ClickAsync();
        await Expect(page.Locator("#article-heading")).ToHaveTextAsync($"Harbour notes {ImageMarkup}");
        await Expect(page.Locator("#article-body mark")).ToContainTextAsync(ImageMarkup);
        await Expect(page.Locator("#article-body")).ToContainTextAsync(ScriptMarkup);
        Assert.Equal(0, await page.Locator("main img, main script, aside img, aside script").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);

        // At phone width the page still works: the article panel covers the chat and closes with Escape.
        await page.SetViewportSizeAsync(390, 844);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#article-panel")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("chat-phone.png") });

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.cspViolations"));
        Assert.Empty(consoleErrors);
    }

    private static async Task<Reply> AskAsync(HttpClient http, string question)
    {
        using var response = await http.PostAsJsonAsync("/api/ask", new { question });
        return (await response.Content.ReadFromJsonAsync<Reply>(JsonSerializerOptions.Web))!;
    }

    private static async Task<string?> SavedConversationIdAsync(IPage page) =>
        await page.EvaluateAsync<string?>("() => JSON.parse(sessionStorage.getItem('qaservice.chat') ?? 'null')?.conversationId ?? null");

    private sealed record Reply(string Answer, IReadOnlyList<CitationText> Citations);

    private sealed record CitationText(string DocumentId, string Text);
}
