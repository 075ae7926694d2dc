using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Admin;

/// <summary>
/// The moderation lists: keyset pages of 50 (no duplicate, no gap, filters kept), thumbnails, and
/// the AJAX answer that says a row's new state; works "à la une" in the home page's hero.
/// </summary>
public class AdminListsTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    private async Task<(AppClient Admin, string Email)> SignedInAdminAsync()
    {
        var email = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", AdminPassword], TextWriter.Null), Is.Zero);
        var client = NewClient();
        Assert.That((await client.LoginAsync(email, AdminPassword)).Success, Is.True);
        return (client, email);
    }

    private static string Word(string hint) => hint + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Every page from <paramref name="url"/> on, following "Suivantes": each page's row ids (by <paramref name="idAttribute"/>) and the page.</summary>
    private static async Task<List<(List<string> Ids, IHtmlDocument Page, string Url)>> WalkAsync(AppClient admin, string url, string idAttribute, string rel = "next")
    {
        var pages = new List<(List<string>, IHtmlDocument, string)>();
        for (string? next = url; next is not null; )
        {
            Assert.That(pages, Has.Count.LessThan(10), "the pages end");
            var page = await admin.GetPageAsync(next);
            pages.Add((page.QuerySelectorAll($".admin-row[{idAttribute}]").Select(r => r.GetAttribute(idAttribute)!).ToList(), page, next));
            next = page.QuerySelector($".admin-pager a[rel={rel}]")?.GetAttribute("href");
        }
        return pages;
    }

    /// <summary>50, 50, 20; in the expected order; "Précédentes" from the last page gives the middle page again.</summary>
    private static async Task AssertPagedAsync(AppClient admin, string firstUrl, string idAttribute, IReadOnlyList<string> expectedOrder, string keptParameter)
    {
        var pages = await WalkAsync(admin, firstUrl, idAttribute);

        Assert.That(pages.Select(p => p.Ids.Count), Is.EqualTo(new[] { 50, 50, 20 }), firstUrl);
        Assert.That(pages.SelectMany(p => p.Ids), Is.EqualTo(expectedOrder), "every row once, in order: no duplicate, no gap");
        Assert.That(pages[0].Page.QuerySelector(".admin-pager a[rel=prev]"), Is.Null, "nothing before the first page");
        Assert.That(pages[2].Page.QuerySelector(".admin-pager a[rel=next]"), Is.Null, "nothing after the last page");
        foreach (var (_, page, url) in pages.Skip(1))
        {
            Assert.That(url, Does.Contain(keptParameter), "the links keep the list's filters");
            Assert.That(url, Does.Contain("apres="), "the next page's key travels in the link");
            Assert.That(page.QuerySelector(".admin-pager a[rel=next]")?.TextContent ?? AdminTexts.Paging.Next, Is.EqualTo(AdminTexts.Paging.Next));
        }
        var back = pages[2].Page.QuerySelector(".admin-pager a[rel=prev]")?.GetAttribute("href");
        Assert.That(back, Does.Contain("avant=").And.Contain(keptParameter));
        Assert.That(pages[2].Page.QuerySelector(".admin-pager a[rel=prev]")!.TextContent, Is.EqualTo(AdminTexts.Paging.Previous));
        var backPages = await WalkAsync(admin, back!, idAttribute, rel: "prev");
        Assert.That(backPages.Select(p => p.Ids), Is.EqualTo(new[] { pages[1].Ids, pages[0].Ids }), "back: the same pages, in the same order");
        // A damaged key is the first page, never a 500.
        Assert.That((await WalkAsync(admin, firstUrl + "&apres=%%%", idAttribute))[0].Ids, Is.EqualTo(pages[0].Ids));
        Assert.That((await WalkAsync(admin, firstUrl + "&avant=bm9uLXNlbnM", idAttribute))[0].Ids, Is.EqualTo(pages[0].Ids));
    }

    [Test]
    public async Task The_works_list_pages_120_works_as_50_50_20_newest_first_with_ties_broken_by_id()
    {
        var word = Word("Paginee");
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var start = DateTime.UtcNow.AddDays(-30);
        var ids = new List<(long Id, DateTime At)>();
        for (var i = 0; i < 120; i++)
        {
            // Pairs share their time: the id decides between them.
            var at = start.AddMinutes(i / 2);
            ids.Add((await SeedArtworks.CreateAsync(App, email, $"{word} n{i}", images: 0, createdAt: at), at));
        }
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;

        var expected = ids.OrderByDescending(w => w.At).ThenByDescending(w => w.Id).Select(w => w.Id.ToString()).ToList();
        await AssertPagedAsync(admin, "/admin/oeuvres?q=" + word + "&etat=visibles", "data-artwork-id", expected, "q=" + word);
    }

    [Test]
    public async Task The_artists_list_pages_120_accounts_as_50_50_20_newest_first()
    {
        var word = Word("Compte");
        var start = DateTime.UtcNow.AddDays(-30);
        var emails = new List<(string Normalized, DateTime At)>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
            for (var i = 0; i < 120; i++)
            {
                var email = $"{word.ToLowerInvariant()}-{i:D3}@exemple.cm";
                var at = start.AddMinutes(i / 3);
                db.Users.Add(new Artist
                {
                    Id = Guid.CreateVersion7(), DisplayName = $"{word} {i}", Slug = $"{word.ToLowerInvariant()}-{i}",
                    Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                    SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = at,
                });
                emails.Add((email.ToUpperInvariant(), at));
            }
            await db.SaveChangesAsync();
        }
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;
        var idsByEmail = await App.WithDbAsync(db => db.Users.Where(u => u.DisplayName.StartsWith(word)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id.ToString()));

        var expected = emails.OrderByDescending(e => e.At).ThenByDescending(e => e.Normalized, StringComparer.Ordinal).Select(e => idsByEmail[e.Normalized]).ToList();
        await AssertPagedAsync(admin, "/admin/artistes?q=" + word + "&etat=actifs", "data-artist-id", expected, "q=" + word);
    }

    [Test]
    public async Task The_reports_queue_pages_120_open_reports_as_50_50_20_oldest_first()
    {
        var word = Word("Signal");
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var work = await SeedArtworks.CreateAsync(App, email, "Souvent signalée " + word, images: 0);
        var start = DateTime.UtcNow.AddDays(-30);
        var reports = new List<ArtworkReport>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
            for (var i = 0; i < 120; i++)
                reports.Add(new ArtworkReport { ArtworkId = work, Reason = $"Motif {i} {word}", CreatedAt = start.AddMinutes(i / 2) });
            db.ArtworkReports.AddRange(reports);
            await db.SaveChangesAsync();
        }
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;

        var expected = reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id.ToString()).ToList();
        await AssertPagedAsync(admin, "/admin/signalements?q=" + word, "data-report-id", expected, "q=" + word);

        // Closed ones: the latest closed first, paged the same way.
        await App.WithDbAsync(async db =>
        {
            var open = await db.ArtworkReports.Where(r => r.ArtworkId == work).ToListAsync();
            foreach (var (report, i) in open.Select((r, i) => (r, i)))
                (report.ClosedAt, report.Decision, report.ClosedBy) = (start.AddHours(1).AddMinutes(i / 2), "dismissed", "test");
            return await db.SaveChangesAsync();
        });
        var closed = await App.WithDbAsync(db => db.ArtworkReports.Where(r => r.ArtworkId == work)
            .Select(r => new { r.Id, r.ClosedAt }).ToListAsync());
        var closedOrder = closed.OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id).Select(r => r.Id.ToString()).ToList();
        await AssertPagedAsync(admin, "/admin/signalements?etat=clos&q=" + word, "data-report-id", closedOrder, "etat=clos");
    }

    [Test]
    public async Task Works_and_reports_show_the_smallest_webp_variant_as_a_sized_lazy_thumbnail()
    {
        var word = Word("Vignette");
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Vignette " + word, imageWidth: 900, imageHeight: 600);
        var image = await App.WithDbAsync(db => db.ArtworkImages.Where(i => i.ArtworkId == id).Select(i => new { i.Key, i.Widths, i.Width, i.Height }).SingleAsync());
        var smallest = image.Widths.Split(',').Select(int.Parse).Min();
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        await Catalogue.Reporting.ReportNewAsync(App, $"/oeuvres/{id}/{slug}", "Une raison suffisamment longue " + word);
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;

        foreach (var url in new[] { "/admin/oeuvres?q=" + word, "/admin/signalements?q=" + word })
        {
            var thumb = (await admin.GetPageAsync(url)).QuerySelector($".admin-row[data-artwork-id='{id}'] img.admin-thumb");
            Assert.That(thumb, Is.Not.Null, url);
            Assert.Multiple(() =>
            {
                Assert.That(thumb!.GetAttribute("src"), Is.EqualTo($"/media/{image.Key}/{smallest}.webp"), url);
                Assert.That(thumb.GetAttribute("width"), Is.EqualTo(smallest.ToString()), url);
                Assert.That(thumb.GetAttribute("height"), Is.EqualTo(((int)Math.Round(smallest * (double)image.Height / image.Width)).ToString()), url);
                Assert.That(thumb.GetAttribute("loading"), Is.EqualTo("lazy"), url);
            });
            Assert.That(await HideWorksTests.StatusAsync(admin, thumb!.GetAttribute("src")!), Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static async Task<JsonElement> StateAsync(AjaxReply reply)
    {
        Assert.That(reply.Success, Is.True, reply.Message);
        using var json = JsonDocument.Parse(await reply.Response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.TryGetProperty("state", out var state), Is.True, "the answer says the row's new state");
        return state.Clone();
    }

    private static (string?, string?, string?) Said(JsonElement state) =>
        (state.GetProperty("name").GetString(), state.GetProperty("status").GetString(), state.GetProperty("label").GetString());

    private static IHtmlFormElement RowForm(IHtmlDocument page, string row, string cssClass) =>
        page.QuerySelector($"{row} form.{cssClass}") as IHtmlFormElement ?? throw new AssertionException($"No form.{cssClass} in {row}.");

    [Test]
    public async Task Each_admin_act_answers_the_rows_new_state_besides_the_four_keys_of_the_contract()
    {
        var word = Word("Etat");
        var (artist, email) = await Accounts.NewArtistAsync(App, "Artiste " + word);
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Œuvre " + word, images: 0);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var report = await Catalogue.Reporting.ReportNewAsync(App, $"/oeuvres/{id}/{slug}", "Une raison suffisamment longue.");
        var artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;
        var works = "/admin/oeuvres?q=" + word;
        var row = $"[data-artwork-id='{id}']";

        var list = await admin.GetPageAsync(works);
        Assert.That(list.QuerySelector(row)?.GetAttribute("data-state-visibility"), Is.EqualTo("visible"));
        var hidden = await admin.PostAjaxAsync(RowForm(list, row, "moderation-hide"), new Dictionary<string, string> { ["reason"] = "Doublon" });
        Assert.That(Said(await StateAsync(hidden)), Is.EqualTo(("visibility", "hidden", AdminTexts.Artworks.HiddenBadge)));
        Assert.That(hidden.Message, Is.EqualTo(AdminTexts.Artworks.Hidden));

        list = await admin.GetPageAsync(works);
        Assert.That(list.QuerySelector(row)?.GetAttribute("data-state-visibility"), Is.EqualTo("hidden"), "the page says it too");
        Assert.That(RowForm(list, row, "moderation-hide").HasAttribute("hidden"), Is.True);
        var shown = await admin.PostAjaxAsync(RowForm(list, row, "moderation-show"), new Dictionary<string, string>());
        Assert.That(Said(await StateAsync(shown)), Is.EqualTo(("visibility", "visible", "")));

        var featured = await admin.PostAjaxAsync(RowForm(list, row, "moderation-feature"), new Dictionary<string, string>());
        var featuredState = await StateAsync(featured);
        Assert.That(Said(featuredState), Is.EqualTo(("featured", "featured", AdminTexts.Artworks.FeaturedBadge)));
        Assert.That(featuredState.GetProperty("action").GetString(), Is.EqualTo(AdminTexts.Artworks.Unfeature));
        var unfeatured = await admin.PostAjaxAsync(RowForm(list, row, "moderation-feature"), new Dictionary<string, string>());
        var unfeaturedState = await StateAsync(unfeatured);
        Assert.That(Said(unfeaturedState), Is.EqualTo(("featured", "not-featured", "")));
        Assert.That(unfeaturedState.GetProperty("action").GetString(), Is.EqualTo(AdminTexts.Artworks.Feature));

        var artists = await admin.GetPageAsync("/admin/artistes?q=" + word);
        var artistRow = $"[data-artist-id='{artistId}']";
        var suspended = await admin.PostAjaxAsync(RowForm(artists, artistRow, "moderation-suspend"), new Dictionary<string, string> { ["reason"] = "Faux profil" });
        Assert.That(Said(await StateAsync(suspended)), Is.EqualTo(("suspension", "suspended", AdminTexts.Artists.SuspendedBadge)));
        var reactivated = await admin.PostAjaxAsync(RowForm(artists, artistRow, "moderation-reactivate"), new Dictionary<string, string>());
        Assert.That(Said(await StateAsync(reactivated)), Is.EqualTo(("suspension", "active", "")));

        var queue = await admin.GetPageAsync("/admin/signalements?q=" + word);
        var closed = await admin.PostAjaxAsync(RowForm(queue, $"[data-report-id='{report}']", "report-close"),
            new Dictionary<string, string> { ["decision"] = "dismissed", ["note"] = "" });
        Assert.That(Said(await StateAsync(closed)), Is.EqualTo(("report", "closed", AdminTexts.Reports.DecisionDismissed)));

        // A refusal keeps the contract as it was: no state.
        var refused = await admin.PostAjaxAsync(RowForm(list, row, "moderation-hide"), new Dictionary<string, string> { ["reason"] = " " });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        using var refusal = JsonDocument.Parse(await refused.Response.Content.ReadAsStringAsync());
        Assert.That(refusal.RootElement.TryGetProperty("state", out _), Is.False);
    }

    [Test]
    public async Task A_work_put_a_la_une_opens_the_cached_home_hero_at_once_is_journaled_and_taken_off_the_same_way()
    {
        var word = Word("Une");
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        // An old work: without "à la une" it is far from the newest.
        var id = await SeedArtworks.CreateAsync(App, email, "À la une " + word, createdAt: DateTime.UtcNow.AddYears(-2));
        var noPhoto = await SeedArtworks.CreateAsync(App, email, "Sans photo " + word, images: 0, createdAt: DateTime.UtcNow.AddYears(-2));
        // Enough newer works with photos to fill the hero without it.
        for (var i = 0; i < PosaX.Web.Features.Catalogue.HomeModel.HeroSize; i++)
            await SeedArtworks.CreateAsync(App, email, $"Plus récente {i} {word}", imageWidth: 320, imageHeight: 240);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var path = $"/oeuvres/{id}/{slug}";
        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _a = admin;
        using var visitor = NewClient();
        List<string?> Hero(IHtmlDocument home) => home.QuerySelectorAll("#hero .hero-works a").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(Hero(await visitor.GetPageAsync("/")), Does.Not.Contain(path));
        Assert.That(Hero(await visitor.GetPageAsync("/")), Does.Not.Contain(path), "from the cache");

        var list = await admin.GetPageAsync("/admin/oeuvres?q=" + word);
        var feature = RowForm(list, $"[data-artwork-id='{id}']", "moderation-feature");
        Assert.That(feature.QuerySelector("button")?.TextContent, Is.EqualTo(AdminTexts.Artworks.Feature));
        Assert.That((await admin.PostAjaxAsync(feature, new Dictionary<string, string>())).Success, Is.True);
        // A work without a photo cannot open the hero, featured or not.
        Assert.That((await admin.PostAjaxAsync(RowForm(list, $"[data-artwork-id='{noPhoto}']", "moderation-feature"), new Dictionary<string, string>())).Success, Is.True);

        var hero = Hero(await visitor.GetPageAsync("/"));
        Assert.That(hero.FirstOrDefault(), Is.EqualTo(path), "first in the hero at once: the cached home followed");
        Assert.That(hero, Has.Count.EqualTo(PosaX.Web.Features.Catalogue.HomeModel.HeroSize), "filled with the newest works");
        Assert.That(hero.Distinct().Count(), Is.EqualTo(hero.Count), "no work twice");
        Assert.That(hero.Any(h => h!.StartsWith($"/oeuvres/{noPhoto}/", StringComparison.Ordinal)), Is.False);
        var entries = await App.WithDbAsync(db => db.AdminLog.Where(e => e.Target.Contains(word)).OrderBy(e => e.Id).Select(e => new { e.Action, e.AdminEmail }).ToListAsync());
        Assert.That(entries.Select(e => (e.Action, e.AdminEmail)), Is.EqualTo(new[] { ("artwork.feature", adminEmail), ("artwork.feature", adminEmail) }));
        var featuredList = await admin.GetPageAsync("/admin/oeuvres?etat=une&q=" + word);
        Assert.That(featuredList.QuerySelectorAll(".admin-row").Select(r => r.GetAttribute("data-artwork-id")), Is.EquivalentTo(new[] { id.ToString(), noPhoto.ToString() }));
        Assert.That(featuredList.QuerySelector($"[data-artwork-id='{id}'] [data-state-label=featured]")?.TextContent, Is.EqualTo(AdminTexts.Artworks.FeaturedBadge));

        // Without JavaScript: the list again, the work off the hero at once.
        var all = await admin.GetPageAsync("/admin/oeuvres?q=" + word);
        using var plain = await admin.PostPlainAsync(RowForm(all, $"[data-artwork-id='{id}']", "moderation-feature"), new Dictionary<string, string>());
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await plain.Content.ReadAsStringAsync());
        Assert.That(again.QuerySelector("[role=status].form-message")?.TextContent, Is.EqualTo(AdminTexts.Artworks.Unfeatured));
        Assert.That(again.QuerySelector($"[data-artwork-id='{id}'] form.moderation-feature button")?.TextContent, Is.EqualTo(AdminTexts.Artworks.Feature));
        Assert.That(Hero(await visitor.GetPageAsync("/")), Does.Not.Contain(path));
        Assert.That(await App.WithDbAsync(db => db.AdminLog.CountAsync(e => e.Target.Contains(word) && e.Action == "artwork.unfeature")), Is.EqualTo(1));
    }
}
