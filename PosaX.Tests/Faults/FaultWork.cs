using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;

namespace PosaX.Tests.Faults;

/// <summary>
/// What one request of a fault run came to. <see cref="Status"/> is the HTTP status, or 0 when no
/// answer arrived (connection refused or cut: the app process was killed).
/// </summary>
public sealed record Attempt(string Kind, string Name, int Status, bool Acknowledged, string? Reference, string Detail, TimeSpan At)
{
    public bool NoAnswer => Status == 0;
}

/// <summary>
/// The writes a fault run makes, through the real forms, as a browser's fetch helper does; unlike the
/// feature tests' helpers nothing here asserts: trouble is recorded in the <see cref="Attempt"/>, so a
/// run can go on through an outage and be judged afterwards.
/// </summary>
public static partial class FaultWork
{
    private static readonly HtmlParser Parser = new();

    public static Dictionary<string, string> ArtworkFields(string title) => new()
    {
        ["title"] = title, ["price"] = "85000", ["category"] = "peinture", ["heightCm"] = "50", ["widthCm"] = "70",
        ["depthCm"] = "", ["year"] = "2024", ["status"] = "disponible", ["description"] = "Œuvre d'un test de panne.",
        ["medium"] = "Acrylique sur toile",
    };

    public static Upload Photo(int seed, int width = 480, int height = 360) =>
        new("images", $"photo-{seed}.jpg", ImageFixtures.Jpeg(width, height, seed), "image/jpeg");

    /// <summary>A new, activated, signed-in artist of an app running anywhere (in this process or a child one).</summary>
    public static async Task<AppClient> NewArtistAsync(Uri server, Mailbox mailbox)
    {
        var client = new AppClient(server);
        var email = $"panne-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        var reply = await client.RegisterAsync(email, "Artiste Panne");
        Assert.That(reply.Success, Is.True, reply.Message);
        var mail = await mailbox.WaitForAsync(email, "Activez");
        using var activation = await client.Http.GetAsync(new Uri(mail.Link("/activation")).PathAndQuery);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "activated and signed in");
        return client;
    }

    /// <summary>GET the new-work page, then post #artwork-form with its token and the photos (<paramref name="beforePost"/> runs in between).</summary>
    public static async Task<Attempt> TryPublishAsync(HttpClient http, string title, Upload[] photos, Stopwatch run, Action? beforePost = null)
    {
        var form = await TryFormAsync(http, "/atelier/oeuvres/nouvelle", "artwork-form");
        if (form.Form is null) return new Attempt("œuvre", title, form.Status, false, null, form.Detail, run.Elapsed);
        beforePost?.Invoke();
        return await TryPostAsync(http, "œuvre", title, form.Form, ArtworkFields(title), photos, run);
    }

    /// <summary>An anonymous buyer opens the order page of a work (its form carries a token) and posts it.</summary>
    public static async Task<Attempt> TryOrderAsync(HttpClient http, long workId, string buyerName, Stopwatch run, Action? beforePost = null)
    {
        var form = await TryFormAsync(http, $"/oeuvres/{workId}/commander", "order-form");
        if (form.Form is null) return new Attempt("commande", buyerName, form.Status, false, null, form.Detail, run.Elapsed);
        var phone = "67" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string> { ["name"] = buyerName, ["phone"] = phone, ["email"] = "", ["message"] = "" };
        beforePost?.Invoke();
        var attempt = await TryPostAsync(http, "commande", buyerName, form.Form, fields, [], run);
        return attempt.Acknowledged ? attempt with { Reference = OrderReference().Match(attempt.Detail).Value } : attempt;
    }

    private static async Task<(IHtmlFormElement? Form, int Status, string Detail)> TryFormAsync(HttpClient http, string url, string formId)
    {
        try
        {
            using var response = await http.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                return (null, (int)response.StatusCode, $"GET {url}{RetryAfter(response)}: {Excerpt(html)}");
            var page = await Parser.ParseDocumentAsync(html);
            return page.GetElementById(formId) is IHtmlFormElement form
                ? (form, 200, "")
                : (null, 200, $"GET {url}: no #{formId}");
        }
        catch (HttpRequestException e)
        {
            return (null, 0, $"GET {url}: {e.Message}");
        }
    }

    private static async Task<Attempt> TryPostAsync(HttpClient http, string kind, string name, IHtmlFormElement form,
        Dictionary<string, string> fields, Upload[] files, Stopwatch run)
    {
        var content = new MultipartFormDataContent();
        string? token = null;
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (hidden.Name == "__RequestVerificationToken") token = hidden.Value;
            else if (!string.IsNullOrEmpty(hidden.Name) && !fields.ContainsKey(hidden.Name)) content.Add(new StringContent(hidden.Value), hidden.Name);
        }
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = content };
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (response.Content.Headers.ContentType?.MediaType != "application/json")
                return new Attempt(kind, name, status, false, null, "not the JSON contract: " + Excerpt(body), run.Elapsed);
            using var json = JsonDocument.Parse(body);
            var success = json.RootElement.GetProperty("success").GetBoolean();
            var message = json.RootElement.GetProperty("message").GetString() ?? "";
            message += RetryAfter(response);
            return new Attempt(kind, name, status, success && status == 200, null, message, run.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new Attempt(kind, name, 0, false, null, e.Message, run.Elapsed);
        }
        catch (TaskCanceledException e)
        {
            return new Attempt(kind, name, 0, false, null, "timed out: " + e.Message, run.Elapsed);
        }
    }

    /// <summary>
    /// A data folder for a fault test's app, deleted at the end of the run (after every app is
    /// stopped; POSAX_KEEP_TEST_DATA=1 keeps it, as for the shared apps).
    /// </summary>
    public static string DataDirectory(string name)
    {
        var path = Directory.CreateTempSubdirectory($"posax-faults-{name}-").FullName;
        TestApps.Track(new FolderCleanup(path));
        return path;
    }

    private sealed class FolderCleanup(string path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (Environment.GetEnvironmentVariable("POSAX_KEEP_TEST_DATA") != "1")
                try { Directory.Delete(path, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A figure of a fault run, printed as it happens; "[faults]" makes them easy to find in a long log.</summary>
    public static void Report(string line) => TestContext.Progress.WriteLine("[faults] " + line);

    /// <summary>"4 × 503, 1 × 0" — statuses of failed attempts, for the closing figures.</summary>
    public static string Statuses(IEnumerable<Attempt> attempts) =>
        string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {(g.Key == 0 ? "no answer" : g.Key)}"));

    private static string RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } retry ? $" (Retry-After: {retry})" : "";

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"PX-[0-9A-Z]{4}")]
    private static partial Regex OrderReference();
}
