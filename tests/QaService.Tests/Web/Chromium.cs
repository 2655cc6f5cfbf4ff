using Microsoft.Playwright;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>Debian's chromium, headless, for the browser tests; Playwright must not try to download its own.</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>Where a test saves a screenshot: <c>artifacts/screenshots</c> in the repository, kept after the run.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
