using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Browser;

/// <summary>
/// One Playwright driver and one headless Chromium (the Debian package, never a downloaded one)
/// for the whole run, started on first use by whichever test asks first.
/// </summary>
public static class BrowserSession
{
    /// <summary>The system browser; POSAX_CHROMIUM overrides it (e.g. on a developer's machine).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("POSAX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private static readonly object Gate = new();
    private static Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>>? _session;

    public static async Task<IBrowser> BrowserAsync()
    {
        Lazy<Task<(IPlaywright, IBrowser)>> session;
        lock (Gate) session = _session ??= new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);
        var (_, browser) = await session.Value;
        return browser;
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: apt-get install -y chromium (never `playwright install`).");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public static async Task StopAsync()
    {
        Lazy<Task<(IPlaywright, IBrowser)>>? session;
        lock (Gate) { session = _session; _session = null; }
        if (session is not { IsValueCreated: true } || !session.Value.IsCompletedSuccessfully) return;
        var (playwright, browser) = session.Value.Result;
        await browser.CloseAsync();
        playwright.Dispose();
    }
}

/// <summary>Closes the browser once every test of this namespace has run.</summary>
[SetUpFixture]
public sealed class BrowserSessionTeardown
{
    [OneTimeTearDown]
    public Task StopBrowserAsync() => BrowserSession.StopAsync();
}

/// <summary>
/// Base of the browser tests: the real app (one per provider for the run, see <see cref="TestApps"/>),
/// a fresh browser context per test (no cookie survives from one test to the next), and a page
/// that fails the test on any console error, uncaught exception or CSP violation.
/// A screenshot of every open page is saved (and attached) when a test fails.
/// </summary>
[Category("Browser")]
[TestFixtureSource(typeof(BrowserTest), nameof(Providers))]
public abstract class BrowserTest(DatabaseProvider provider)
{
    /// <summary>
    /// Both providers: the flows register, sign in and save through the real database, and the
    /// whole set stays well under a minute. Keep only SQLite here if CI time ever matters more.
    /// </summary>
    public static readonly TestFixtureData[] Providers = ProviderFixtures.Of(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    private readonly List<string> _problems = [];
    private readonly List<Regex> _allowed = [];
    private readonly List<IBrowserContext> _contexts = [];

    protected DatabaseProvider Provider { get; } = provider;
    protected PosaXApp App { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowserAsync()
    {
        App = await TestApps.GetAsync(Provider);
        await BrowserSession.BrowserAsync();
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _problems.Clear();
        _allowed.Clear();
        Context = await NewContextAsync();
        Page = await NewPageAsync(Context);
    }

    /// <summary>A new context: its own cookies and storage, as a second browser would have.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var browser = await BrowserSession.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        // Reports CSP violations on the console too, whatever the browser chose to log.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => " +
            "console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber));");
        _contexts.Add(context);
        return context;
    }

    /// <summary>A page whose console errors, page errors and CSP violations fail the test.</summary>
    protected async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Report($"console error on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => Report($"page error on {page.Url}: {error}");
        return page;
    }

    /// <summary>A console error the test expects (e.g. Chromium logs every 4xx answer of a fetch).</summary>
    protected void AllowConsoleError(string pattern) => _allowed.Add(new Regex(pattern));

    private void Report(string problem)
    {
        lock (_problems)
        {
            if (_allowed.Any(a => a.IsMatch(problem)) && !problem.Contains("CSP violation", StringComparison.Ordinal)) return;
            _problems.Add(problem);
        }
    }

    /// <summary>The errors logged so far, forgotten afterwards (for tests of the listener itself).</summary>
    protected string[] TakePageErrors()
    {
        lock (_problems)
        {
            string[] problems = [.. _problems];
            _problems.Clear();
            return problems;
        }
    }

    /// <summary>Fails now if a page has logged an error so far (also checked after every test).</summary>
    protected void AssertNoPageErrors()
    {
        string[] problems;
        lock (_problems) problems = [.. _problems];
        Assert.That(problems, Is.Empty, "The page logged errors:\n" + string.Join("\n", problems));
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        string[] problems;
        lock (_problems) problems = [.. _problems];
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed || problems.Length > 0;
        foreach (var problem in problems) TestContext.Out.WriteLine(problem);
        try
        {
            if (failed) await ScreenshotAsync();
        }
        finally
        {
            foreach (var context in _contexts) await context.CloseAsync();
            _contexts.Clear();
        }
        if (problems.Length > 0 && TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
            Assert.Fail("The page logged errors:\n" + string.Join("\n", problems));
    }

    private async Task ScreenshotAsync()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-screenshots");
        Directory.CreateDirectory(folder);
        var name = Regex.Replace(TestContext.CurrentContext.Test.FullName, @"[^\w.-]+", "_");
        var index = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed))
        {
            var path = Path.Combine(folder, $"{name}{(index++ == 0 ? "" : "-" + index)}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 5_000 });
                TestContext.AddTestAttachment(path, $"{page.Url}");
                TestContext.Out.WriteLine($"Screenshot of {page.Url}: {path}");
            }
            catch (PlaywrightException e)
            {
                TestContext.Out.WriteLine($"No screenshot of {page.Url}: {e.Message}");
            }
        }
    }

    /// <summary>A unique address per test: tests share one database and never collide.</summary>
    protected static string NewEmail(string hint = "navigateur") =>
        $"{hint}-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";

    /// <summary>
    /// A new artist registered over HTTP (fast), activated by opening the mail's link in this
    /// page (which lands in the atelier): the page is signed in and on /profil afterwards.
    /// </summary>
    protected async Task<string> SignedInArtistAsync(string name = "Ngono Béatrice")
    {
        var email = NewEmail();
        using (var client = App.CreateBrowserClient())
        {
            var reply = await client.RegisterAsync(email, name);
            Assert.That(reply.Success, Is.True, reply.Message);
        }
        await OpenActivationLinkAsync(email);
        await Assertions.Expect(Page).ToHaveURLAsync(Url("/atelier?bienvenue=1"));
        await Page.GotoAsync("/profil");
        return email;
    }

    protected async Task OpenActivationLinkAsync(string email)
    {
        var mail = await App.Mailbox.WaitForAsync(email, "Activez");
        await Page.GotoAsync(new Uri(mail.Link("/activation")).PathAndQuery);
    }

    /// <summary>The exact URL of a path on the server (for ToHaveURLAsync).</summary>
    protected string Url(string pathAndQuery) => new Uri(App.ServerAddress, pathAndQuery).ToString();
}
