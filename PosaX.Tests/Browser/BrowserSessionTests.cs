using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>The guard of every browser test: it does see what it is meant to catch.</summary>
public class BrowserSessionTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_clean_page_logs_nothing()
    {
        await Page.GotoAsync("/");
        await Expect(Page.Locator("html")).ToHaveClassAsync("js"); // site.js ran
        await Expect(Page.Locator(".site-header")).ToHaveCSSAsync("display", "flex"); // site.css applied
        AssertNoPageErrors();
    }

    [Test]
    public async Task An_inline_script_is_refused_by_the_CSP_and_reported()
    {
        await Page.GotoAsync("/");
        await Page.RunAndWaitForConsoleMessageAsync(() => Page.EvaluateAsync("""
            () => {
              const s = document.createElement('script');
              s.textContent = 'window.__inlineRan = true';
              document.body.append(s);
            }
            """), new() { Predicate = m => m.Text.StartsWith("CSP violation", StringComparison.Ordinal) });
        Assert.That(TakePageErrors(), Has.Some.Contains("CSP violation: script-src"));
        Assert.That(await Page.EvaluateAsync<bool>("() => window.__inlineRan === true"), Is.False, "the CSP blocked it");
    }

    [Test]
    public async Task An_uncaught_exception_is_reported()
    {
        await Page.GotoAsync("/");
        var thrown = new TaskCompletionSource();
        Page.PageError += (_, _) => thrown.TrySetResult();
        await Page.EvaluateAsync("() => { setTimeout(() => { throw new Error('boum'); }, 0); }");
        await thrown.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(TakePageErrors(), Has.Some.Contains("boum"));
    }
}
