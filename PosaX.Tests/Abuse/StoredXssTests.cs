using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PosaX.Tests.Browser;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Stored XSS: script, event-handler, breakout and javascript: payloads written through the real
/// forms into every text a user can write (artist name, bio and social links; work title,
/// description and technique; order name, e-mail and message; moderation reasons; reports and
/// category names once those forms exist), then every page that shows them opened in headless
/// Chromium as the people who see them. On each page: no dialog opens, <c>window.__xss</c> stays
/// undefined, no CSP violation (the CSP catching an injection is a failure too), no element with
/// an on* attribute or a javascript: URL, every script a same-origin file or JSON-LD that still
/// parses, and the payload's marker is shown as text (so the sink was really rendered).
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class StoredXssTests(DatabaseProvider provider) : AbuseTest(provider)
{
    private const string Script = "<script>window.__xss=1</script>";

    private static readonly Dictionary<string, string> PayloadsA = new()
    {
        ["name"] = "XssNomA</title>" + Script + "<img src=x onerror=alert(1)>",
        ["bio"] = "XssBioA " + Script + "\n<img src=x onerror=alert(1)>\n\"><svg onload=alert(1)>\n" +
                  "[lien](javascript:alert(1)) [lien2](JaVaScRiPt:alert(1)) [l3](javascript&#58;alert(1))\n" +
                  "<a href=\"javascript:alert(1)\">a</a> ![i](javascript:alert(1))\n</script>" + Script,
        ["title"] = "XssTitreA</title>" + Script + "<img src=x onerror=alert(1)>",
        ["description"] = "XssDescA </script>" + Script + "\n[x](javascript:alert(1))\n<iframe src=\"javascript:alert(1)\"></iframe>\n" +
                          "<details open ontoggle=alert(1)>d</details>",
        ["medium"] = "XssTechA</script>" + Script,
        ["buyer"] = "XssAcheteurA" + Script,
        ["email"] = "\"><svg/onload=alert(1)>@exemple.cm",
        ["message"] = "XssMessageA " + Script + " <img src=x onerror=alert(1)> javascript:alert(1)",
    };

    private static readonly Dictionary<string, string> PayloadsB = new()
    {
        ["name"] = "XssNomB\" autofocus onfocus=\"alert(1)\" x=\"'><svg/onload=alert(1)>",
        ["bio"] = "XssBioB [x](  javascript:alert(1)) <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n" +
                  "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <base href=\"javascript:/\">",
        ["title"] = "XssTitreB\" onmouseover=\"alert(1)\" '><svg onload=alert(1)> </script><script>alert(1)</script>",
        ["description"] = "XssDescB <style>*{display:none}</style> <form action=javascript:alert(1)><button>b</button></form> " +
                          "<object data=\"javascript:alert(1)\"></object> {{constructor.constructor('alert(1)')()}}",
        ["medium"] = "XssTechB\"><img src=x onerror=alert(1)>",
        ["buyer"] = "XssAcheteurB\" onfocus=alert(1) autofocus x=\"",
        ["email"] = "xss.b@exemple.cm",
        ["message"] = "XssMessageB </textarea><svg onload=alert(1)> ${alert(1)}",
    };

    private const string HideReason = "XssMotifMasque<img src=x onerror=alert(1)>";
    private const string SuspendReason = "XssMotifSuspension" + Script;

    private sealed record Written(Account Artist, string Slug, long Work, string WorkPath);

    private sealed record View(string Who, string Url, params string[] Markers)
    {
        /// <summary>A text the page's JSON-LD must carry as data, exactly (no breakout, no loss).</summary>
        public string? JsonLdCarries { get; init; }
    }

    /// <summary>
    /// A sink that came with a later feature: checked where its handler exists (a branch without
    /// it skips it), failing clearly if the handler is there but its form is not. Each writes its payload and says
    /// which pages (as an admin, or a visitor) show it.
    /// </summary>
    private sealed record OptionalSink(string Name, string HandlerKey, Func<StoredXssTests, Written, Task<View[]>> WriteAsync);

    private static readonly OptionalSink[] LaterSinks =
    [
        new("report reason", "POST /oeuvres/{id:long}/signaler", async (test, written) =>
        {
            using var visitor = test.World.NewClient();
            var reply = await visitor.SubmitAsync(written.WorkPath, "report-form",
                new Dictionary<string, string> { ["reason"] = "XssSignalement " + Script + " <img src=x onerror=alert(1)>" });
            Assert.That(reply.Success, Is.True, "report: " + reply.Message);
            return [new View("admin", "/admin/signalements?q=XssSignalement", "XssSignalement")];
        }),
        new("category name", "POST /admin/categories?handler=Add", async (test, _) =>
        {
            const string name = "XssCat" + Script;
            var admin = await test.World.ViewerAdminAsync();
            var added = await admin.PostAjaxAsync(Recipes.Form(await admin.GetPageAsync("/admin/categories"), "form.category-add"),
                new Dictionary<string, string> { ["name"] = name });
            Assert.That(added.Success, Is.True, "category: " + added.Message);
            return [new View("admin", "/admin/categories", "XssCat"), new View("visitor", "/oeuvres", "XssCat"), new View("visitor", "/")];
        }),
    ];

    [Test]
    public async Task Payloads_written_through_every_form_run_nowhere_they_are_shown()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var handlers = (await PostHandlers.DiscoverAsync(App.Services)).Select(h => h.Key).ToHashSet();
        var a = await WriteArtistAsync(PayloadsA);
        var b = await WriteArtistAsync(PayloadsB);
        var hidden = await HideAWorkAsync(a.Artist);
        var suspended = await SuspendAnArtistAsync();
        var refusedLinks = await HostileSocialLinksAreRefusedAsync(a.Artist);

        var admin = await World.ViewerAdminAsync();
        var views = new List<View>
        {
            new("visitor", $"/artistes/{a.Slug}", "XssNomA", "XssBioA", "XssTitreA"),
            new("visitor", $"/artistes/{b.Slug}", "XssNomB", "XssBioB", "XssTitreB"),
            new("visitor", a.WorkPath, "XssTitreA", "XssDescA", "XssTechA", "XssNomA") { JsonLdCarries = PayloadsA["title"] },
            new("visitor", b.WorkPath, "XssTitreB", "XssDescB", "XssTechB", "XssNomB") { JsonLdCarries = PayloadsB["medium"] },
            new("visitor", $"/artistes/{b.Slug}?jsonld", "XssNomB") { JsonLdCarries = PayloadsB["name"] },
            new("visitor", "/", "XssTitreA", "XssTitreB"),
            new("visitor", "/oeuvres", "XssTitreA", "XssTitreB"),
            new("visitor", "/oeuvres?q=XssTitreA", "XssTitreA"),
            new("visitor", "/oeuvres?q=" + Uri.EscapeDataString("\"><script>window.__xss=1</script>")),
            new("visitor", "/artistes"),
            new("visitor", $"/oeuvres/{a.Work}/commander", "XssTitreA"),
            new("artist A", "/atelier/oeuvres", "XssTitreA", "XssTitreHidden"),
            new("artist A", $"/atelier/oeuvres/{a.Work}/modifier", "XssTitreA", "XssDescA", "XssTechA"),
            new("artist A", "/atelier/commandes", "XssAcheteurA", "XssMessageA"),
            new("artist A", "/profil", "XssNomA", "XssBioA"),
            new("artist B", "/atelier/commandes", "XssAcheteurB", "XssMessageB"),
            new("admin", "/admin", "XssTitreB"),
            new("admin", "/admin/oeuvres", "XssTitreA", "XssTitreB", "XssNomA", "XssNomB"),
            new("admin", "/admin/oeuvres?etat=masquees&q=XssTitreHidden", "XssMotifMasque"),
            new("admin", "/admin/artistes", "XssNomA", "XssNomB"),
            new("admin", "/admin/artistes?etat=suspendus&q=" + Uri.EscapeDataString(suspended), "XssMotifSuspension"),
        };
        foreach (var sink in LaterSinks)
        {
            if (!handlers.Contains(sink.HandlerKey))
            {
                Progress($"Stored XSS: {sink.Name} not on this branch yet ({sink.HandlerKey} not found): skipped.");
                continue;
            }
            views.AddRange(await sink.WriteAsync(this, a));
        }

        var written = watch.Elapsed;
        var clients = new Dictionary<string, AppClient?>
        {
            ["visitor"] = null, ["artist A"] = a.Artist.Client, ["artist B"] = b.Artist.Client, ["admin"] = admin,
        };
        var browser = await BrowserSession.BrowserAsync();
        var problems = new List<string>();
        await using (var blank = await browser.NewContextAsync())
        {
            var seen = await VisitAsync(blank, new View("checker", SelfCheck, "XssSelfCheck"));
            Assert.That(seen.Count(p => p.Contains("__xss") || p.Contains("onerror") || p.Contains("javascript:")), Is.GreaterThanOrEqualTo(3),
                "the page checker sees a payload that runs: " + string.Join("; ", seen));
        }
        foreach (var group in views.GroupBy(v => v.Who))
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
                Locale = "fr-FR",
            });
            context.SetDefaultTimeout(10_000);
            await context.AddInitScriptAsync(
                "window.__csp = []; document.addEventListener('securitypolicyviolation', e => " +
                "window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));");
            if (clients[group.Key] is { } client)
                await context.AddCookiesAsync(client.Cookies.GetAllCookies()
                    .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = App.ServerAddress.ToString() }));
            foreach (var view in group) problems.AddRange(await VisitAsync(context, view));
        }
        await BrowserSession.StopAsync();

        Progress($"Stored XSS: payloads written in {written.TotalSeconds:F1} s, {views.Count} pages opened in Chromium in {(watch.Elapsed - written).TotalSeconds:F1} s; hostile social links refused: {refusedLinks}; hidden work {hidden}.");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    private const string SelfCheck = "about:self-check";

    /// <summary>Opens a page and reports whatever ran, or whatever could have.</summary>
    private async Task<List<string>> VisitAsync(IBrowserContext context, View view)
    {
        var problems = new List<string>();
        var label = $"{view.Who} {view.Url}";
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            problems.Add($"{label}: a {dialog.Type} dialog opened: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add($"{label}: console error: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{label}: page error: {error}");
        if (view.Url == SelfCheck)
        {
            // The checker itself must see a payload that runs (no CSP on about:blank).
            await page.SetContentAsync("<p>XssSelfCheck</p><img src=\"data:,x\" onerror=\"window.__xss=1\"><a href=\"javascript:void(0)\">a</a>");
        }
        else
        {
            var response = await page.GotoAsync(view.Url);
            if (response?.Status != (int)HttpStatusCode.OK) problems.Add($"{label}: status {response?.Status}");
        }
        // Let autofocus, module scripts and any handler that could fire have their turn.
        await page.Mouse.MoveAsync(200, 200);
        await page.WaitForTimeoutAsync(200);

        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
              const problems = [];
              if (typeof window.__xss !== 'undefined') problems.push('window.__xss is set');
              for (const v of window.__csp || []) problems.push('CSP violation: ' + v);
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                  if (/^on/i.test(a.name)) problems.push(`<${el.localName}> has ${a.name}="${a.value.slice(0, 60)}"`);
                  if (/^(href|src|action|formaction|data|srcdoc|xlink:href|background|poster)$/i.test(a.name)
                      && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value))
                    problems.push(`<${el.localName}> has ${a.name}="${a.value.slice(0, 60)}"`);
                }
              }
              for (const el of document.querySelectorAll('iframe, object, embed, base, frame, form:not([action^="/"])'))
                problems.push(`unexpected <${el.localName}>: ${el.outerHTML.slice(0, 100)}`);
              const jsonLd = [];
              for (const s of document.scripts) {
                if (s.type === 'application/ld+json') {
                  try { jsonLd.push(JSON.parse(s.textContent)); } catch (e) { problems.push('JSON-LD no longer parses: ' + e.message); }
                } else if (!s.src || new URL(s.src).origin !== location.origin) {
                  problems.push('script that is not a same-origin file: ' + s.outerHTML.slice(0, 120));
                }
              }
              // What a person sees: the text, what the form fields hold, the options of the lists.
              const shown = [document.body.innerText,
                ...[...document.querySelectorAll('input, textarea')].map(e => e.value),
                ...[...document.querySelectorAll('option')].map(o => o.text)].join('\n');
              return { problems, text: shown, jsonLd: JSON.stringify(jsonLd) };
            }
            """);
        problems.AddRange(found.GetProperty("problems").EnumerateArray().Select(p => $"{label}: {p.GetString()}"));
        var text = found.GetProperty("text").GetString() ?? "";
        foreach (var marker in view.Markers.Where(m => !text.Contains(m, StringComparison.Ordinal)))
            problems.Add($"{label}: the payload marked {marker} is not shown (the sink was not rendered, or mangled)");
        if (view.JsonLdCarries is { } carried && !StringsOf(JsonDocument.Parse(found.GetProperty("jsonLd").GetString()!).RootElement).Contains(carried))
            problems.Add($"{label}: the JSON-LD does not carry {carried[..12]}… intact");
        await page.CloseAsync();
        return problems;
    }

    private static IEnumerable<string> StringsOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsOf),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsOf(p.Value)),
        _ => [],
    };

    /// <summary>An artist whose name, bio, work and incoming order carry the payloads, all through the real forms.</summary>
    private async Task<Written> WriteArtistAsync(Dictionary<string, string> payloads)
    {
        var artist = await World.SignedInArtistAsync();
        var profile = await artist.Client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = payloads["name"], ["bio"] = payloads["bio"], ["whatsapp"] = "677 12 34 56",
            ["facebook"] = "", ["instagram"] = "",
        });
        Assert.That(profile.Success, Is.True, "profile: " + profile.Message + string.Join(" ", profile.Errors.SelectMany(e => e.Value)));

        var fields = Recipes.WorkFields(payloads["title"]);
        fields["description"] = payloads["description"];
        fields["medium"] = payloads["medium"];
        var created = await artist.Client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", fields, Recipes.Photo());
        Assert.That(created.Success, Is.True, "work: " + created.Message + string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var (work, slug, artistSlug) = await App.WithDbAsync(db => db.Artworks.Where(w => w.ArtistId == artist.Id)
            .Select(w => ValueTuple.Create(w.Id, w.Slug, w.Artist.Slug)).SingleAsync());
        var workPath = $"/oeuvres/{work}/{slug}";

        using var buyer = App.CreateBrowserClient();
        var order = await buyer.SubmitAsync($"/oeuvres/{work}/commander", "order-form", new Dictionary<string, string>
        {
            ["name"] = payloads["buyer"], ["phone"] = AbuseWorld.NewPhone(), ["email"] = payloads["email"], ["message"] = payloads["message"],
        });
        Assert.That(order.Success, Is.True, "order: " + order.Message + string.Join(" ", order.Errors.SelectMany(e => e.Value)));
        return new Written(artist, artistSlug, work, workPath);
    }

    private async Task<long> HideAWorkAsync(Account artist)
    {
        var fields = Recipes.WorkFields("XssTitreHidden");
        var created = await artist.Client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", fields, Recipes.Photo());
        Assert.That(created.Success, Is.True, created.Message);
        var id = await App.WithDbAsync(db => db.Artworks.Where(w => w.ArtistId == artist.Id && w.Title == "XssTitreHidden").Select(w => w.Id).SingleAsync());
        var admin = await World.ViewerAdminAsync();
        var form = Recipes.Form(await admin.GetPageAsync("/admin/oeuvres?q=XssTitreHidden"), $"[data-artwork-id='{id}'] form.moderation-hide");
        var hidden = await admin.PostAjaxAsync(form, new Dictionary<string, string> { ["reason"] = HideReason });
        Assert.That(hidden.Success, Is.True, hidden.Message);
        return id;
    }

    private async Task<string> SuspendAnArtistAsync()
    {
        var (id, email) = await World.CreateArtistAsync("XssNomSuspendu" + Script);
        var admin = await World.ViewerAdminAsync();
        var form = Recipes.Form(await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(email)), $"[data-artist-id='{id}'] form.moderation-suspend");
        var suspended = await admin.PostAjaxAsync(form, new Dictionary<string, string> { ["reason"] = SuspendReason });
        Assert.That(suspended.Success, Is.True, suspended.Message);
        return email;
    }

    /// <summary>Links to Facebook and Instagram are rebuilt on the network's own host: a hostile one is refused at its field.</summary>
    private static async Task<int> HostileSocialLinksAreRefusedAsync(Account artist)
    {
        var hostile = new[]
        {
            ("facebook", "javascript:alert(1)"), ("facebook", "https://www.facebook.com/\"><script>alert(1)</script>"),
            ("facebook", "https://evil.example/facebook.com"), ("instagram", "data:text/html,<script>alert(1)</script>"),
            ("instagram", "//instagram.com@evil.example/x"), ("instagram", "https://www.instagram.com/a b\" onmouseover=\"alert(1)"),
        };
        foreach (var (field, value) in hostile)
        {
            var reply = await artist.Client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
            {
                ["name"] = "Nom sûr", ["facebook"] = field == "facebook" ? value : "", ["instagram"] = field == "instagram" ? value : "",
            });
            Assert.That((reply.Status, reply.ErrorsFor(field).Length > 0), Is.EqualTo((HttpStatusCode.BadRequest, true)), $"{field} = {value}");
        }
        return hostile.Length;
    }
}
