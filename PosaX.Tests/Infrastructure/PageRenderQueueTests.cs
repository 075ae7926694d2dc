using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// The public pages' renders take their turn (PageRenderQueue): on an app of its own that renders one at a time and
/// lets one wait, with a page filter that holds a render in flight until the test lets it go (the filter runs inside
/// the render, where the queue's permit is held).
/// </summary>
public class PageRenderQueueTests
{
    [Test]
    public async Task Public_renders_wait_their_turn_a_full_queue_is_a_503_and_cached_static_and_other_pages_never_wait()
    {
        var holds = new RenderHolds();
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:ConcurrentPageRenders"] = "1", ["RateLimits:PageRenderQueue"] = "1" },
            services => services.Configure<MvcOptions>(o => o.Filters.Add(holds)));
        using var http = new HttpClient { BaseAddress = app.ServerAddress, Timeout = TimeSpan.FromSeconds(30) };
        // The home page rendered and cached before the queue fills.
        Assert.That((await http.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var held = http.GetAsync("/oeuvres?q=masque&hold=first");
        await holds.EnteredAsync("first");
        var waiting = http.GetAsync("/oeuvres?q=bronze&hold=second");
        await Task.Delay(300);
        Assert.That(waiting.IsCompleted, Is.False, "a second render waits while the only permit is held");
        Assert.That(holds.Entered("second"), Is.False);

        // The queue holds one: the next render is refused at once, with the site's error page.
        using var refused = await http.GetAsync("/oeuvres?q=toile");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("<h1>"));

        // Never in the queue: a page the output cache answers, a static file, a page no public cache policy covers.
        Assert.That((await http.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await http.GetAsync("/css/site.css")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await http.GetAsync("/connexion")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(waiting.IsCompleted, Is.False);

        holds.Release("first");
        Assert.That((await held).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await holds.EnteredAsync("second");
        holds.Release("second");
        Assert.That((await waiting).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // Turns are given back: the queue is empty again.
        Assert.That((await http.GetAsync("/oeuvres?q=toile")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task With_no_limit_set_renders_run_side_by_side()
    {
        var holds = new RenderHolds();
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:ConcurrentPageRenders"] = "0", ["RateLimits:PageRenderQueue"] = "0" },
            services => services.Configure<MvcOptions>(o => o.Filters.Add(holds)));
        using var http = new HttpClient { BaseAddress = app.ServerAddress, Timeout = TimeSpan.FromSeconds(30) };

        var first = http.GetAsync("/oeuvres?q=masque&hold=first");
        var second = http.GetAsync("/oeuvres?q=bronze&hold=second");
        await holds.EnteredAsync("first");
        await holds.EnteredAsync("second");
        holds.Release("first");
        holds.Release("second");
        Assert.That((await first).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await second).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_negative_queue_is_refused_at_start_not_on_every_page()
    {
        var folder = Path.Combine(Path.GetTempPath(), "posax-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var app = new PosaXApp(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "posax.db")}", folder,
            new Dictionary<string, string?> { ["RateLimits:PageRenderQueue"] = "-1" });
        try
        {
            Assert.That(() => app.ServerAddress, Throws.Exception.With.Property(nameof(Exception.Message)).Contains("RateLimits:PageRenderQueue must be 0 or more")
                .Or.InnerException.With.Property(nameof(Exception.Message)).Contains("RateLimits:PageRenderQueue must be 0 or more"));
        }
        finally
        {
            try { app.Dispose(); } catch (Exception) { } // a host that never started
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Holds a render whose query string names a hold (<c>hold=…</c>) until <see cref="Release"/>.</summary>
    private sealed class RenderHolds : IAsyncPageFilter
    {
        private readonly ConcurrentDictionary<string, (TaskCompletionSource Entered, TaskCompletionSource Released)> _holds = new();

        private (TaskCompletionSource Entered, TaskCompletionSource Released) Of(string name) =>
            _holds.GetOrAdd(name, _ => (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)));

        public Task EnteredAsync(string name) => Of(name).Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        public bool Entered(string name) => Of(name).Entered.Task.IsCompleted;
        public void Release(string name) => Of(name).Released.TrySetResult();

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Query["hold"].ToString() is { Length: > 0 } name)
            {
                var hold = Of(name);
                hold.Entered.TrySetResult();
                await hold.Released.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }
            await next();
        }
    }
}
