using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Admin;

/// <summary>
/// /admin/categories. The seeded categories are shared by every fixture of the run: these tests
/// only read them (duplicates, "first cannot go up") and change categories they add themselves.
/// </summary>
public class CategoriesTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    public static async Task<(AppClient Client, string Email)> SignedInAdminAsync(PosaXApp app)
    {
        var email = $"admin-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        var output = new StringWriter();
        Assert.That(await AdminCommands.CreateAdminAsync(app.Services, ["create-admin", "--email", email, "--password", AdminPassword], output), Is.Zero, output.ToString());
        var client = app.CreateBrowserClient();
        var login = await client.LoginAsync(email, AdminPassword);
        Assert.That(login.Success, Is.True, login.Message);
        return (client, email);
    }

    private static IHtmlFormElement RowForm(IHtmlDocument page, int id, string cssClass, string? direction = null) =>
        page.QuerySelectorAll($"tr[data-category-id='{id}'] form.{cssClass}").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => direction is null || f.QuerySelector($"input[name=direction][value={direction}]") is not null)
        ?? throw new AssertionException($"No form.{cssClass} {direction} for category {id}.");

    private static IHtmlFormElement AddForm(IHtmlDocument page) =>
        page.QuerySelector("form.category-add") as IHtmlFormElement ?? throw new AssertionException("No form.category-add.");

    private static Task<AjaxReply> PostAsync(AppClient client, IHtmlFormElement form, string? name = null) =>
        client.PostAjaxAsync(form, name is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["name"] = name });

    private Task<Category?> CategoryAsync(int id) => App.WithDbAsync(db => db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    private Task<List<AdminLogEntry>> JournalOfAsync(string adminEmail) =>
        App.WithDbAsync(db => db.AdminLog.AsNoTracking().Where(e => e.AdminEmail == adminEmail).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Adds a category through the page; its id.</summary>
    private async Task<int> AddAsync(AppClient admin, string name)
    {
        var reply = await PostAsync(admin, AddForm(await admin.GetPageAsync("/admin/categories")), name);
        Assert.That(reply.Success, Is.True, reply.Message);
        return await App.WithDbAsync(db => db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    private static string NewName(string prefix = "Vannerie") => $"{prefix} {Word()}";

    private async Task<(long Id, string Title, string Slug, AppClient Artist)> WorkInAsync(string categorySlug)
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        var title = $"Panier {Word()}";
        var id = await SeedArtworks.CreateAsync(App, email, title, category: categorySlug);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (id, title, slug, artist);
    }

    private static string[] FilterOptions(IHtmlDocument catalogue) =>
        catalogue.QuerySelectorAll("select[name=categorie] option").Select(o => o.GetAttribute("value")!).Where(v => v != "").ToArray();

    private static async Task<string> SitemapPagesAsync(AppClient client) => await client.Http.GetStringAsync("/sitemaps/pages.xml");

    [Test]
    public async Task Anonymous_visitors_get_401_artists_403_on_every_handler_and_nothing_changes()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        var active = await AddAsync(admin, NewName());
        var retired = await AddAsync(admin, NewName());
        Assert.That((await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), retired, "category-retire"))).Success, Is.True);
        var page = await admin.GetPageAsync("/admin/categories");
        var forms = new (string Name, IHtmlFormElement Form, string? Field)[]
        {
            ("add", AddForm(page), NewName()),
            ("rename", RowForm(page, active, "category-rename"), NewName()),
            ("move up", RowForm(page, active, "category-move", "up"), null),
            ("move down", RowForm(page, active, "category-move", "down"), null),
            ("retire", RowForm(page, active, "category-retire"), null),
            ("restore", RowForm(page, retired, "category-restore"), null),
            ("delete", RowForm(page, active, "category-delete"), null),
        };
        admin.Dispose();
        var before = await App.WithDbAsync(db => db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.SortOrder, c.IsRetired }).ToListAsync());
        var journalBefore = await App.WithDbAsync(db => db.AdminLog.CountAsync());

        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        await artist.GetPageAsync("/admin/categories", HttpStatusCode.Forbidden);
        var artistToken = (await artist.GetPageAsync("/profil")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var anonymous = NewClient();
        using (var redirect = await anonymous.Http.GetAsync("/admin/categories"))
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(redirect.Headers.Location!.OriginalString, Does.Contain("/connexion?ReturnUrl=%2Fadmin%2Fcategories"));
        }
        var anonymousToken = (await anonymous.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await Assert.MultipleAsync(async () =>
        {
            foreach (var (name, form, field) in forms)
            {
                form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", artistToken);
                Assert.That((await PostAsync(artist, form, field)).Status, Is.EqualTo(HttpStatusCode.Forbidden), $"artist: {name}");
                form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", anonymousToken);
                Assert.That((await PostAsync(anonymous, form, field)).Status, Is.EqualTo(HttpStatusCode.Unauthorized), $"anonymous: {name}");
            }
        });

        var after = await App.WithDbAsync(db => db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.SortOrder, c.IsRetired }).ToListAsync());
        Assert.That(after, Is.EqualTo(before));
        Assert.That(await App.WithDbAsync(db => db.AdminLog.CountAsync()), Is.EqualTo(journalBefore));
        Assert.That(await JournalOfAsync(adminEmail), Has.Count.EqualTo(3), "only the admin's own acts");
    }

    [Test]
    public async Task An_admin_sees_every_category_in_order_with_its_visible_and_total_works()
    {
        var (admin, _) = await SignedInAdminAsync(App);
        using var _a = admin;
        var name = NewName();
        var id = await AddAsync(admin, name);
        var slug = (await CategoryAsync(id))!.Slug;
        var (_, _, _, artist) = await WorkInAsync(slug);
        artist.Dispose();
        var (_, _, _, other) = await WorkInAsync(slug);
        other.Dispose();
        await App.WithDbAsync(db => db.Artworks.Where(a => a.Category.Slug == slug).OrderBy(a => a.Id).Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, DateTime.UtcNow)));

        var page = await admin.GetPageAsync("/admin/categories");

        var rows = page.QuerySelectorAll("tr[data-category-id]").ToList();
        var orders = rows.Select(r => int.Parse(r.QuerySelector("td")!.TextContent)).ToList();
        Assert.That(orders, Is.Ordered);
        Assert.That(rows.First().GetAttribute("data-slug"), Is.EqualTo("peinture"));
        var row = rows.Single(r => r.GetAttribute("data-category-id") == id.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(row.GetAttribute("data-slug"), Is.EqualTo(slug));
            Assert.That(row.QuerySelector("[data-count=visible]")!.TextContent, Is.EqualTo("1"));
            Assert.That(row.QuerySelector("[data-count=total]")!.TextContent, Is.EqualTo("2"));
            Assert.That(row.QuerySelector("form.category-delete"), Is.Null, "a category in use offers no delete");
            Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(page.QuerySelectorAll("nav.admin-nav a").Select(a => a.GetAttribute("href")),
                Is.EqualTo(new[] { "/admin", "/admin/oeuvres", "/admin/artistes", "/admin/signalements", "/admin/categories", "/admin/journal" }));
            Assert.That(page.QuerySelector("nav.admin-nav a[aria-current=page]")?.GetAttribute("href"), Is.EqualTo("/admin/categories"));
        });
    }

    [Test]
    public async Task Adding_makes_a_slug_from_the_name_puts_it_last_offers_it_to_artists_and_journals_it()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        using var visitor = NewClient();
        await visitor.GetPageAsync("/oeuvres"); // cached now: the add must evict it
        var word = Word();
        var name = $"  Bijoux   d'Été {word} ";

        var reply = await PostAsync(admin, AddForm(await admin.GetPageAsync("/admin/categories")), name);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Message);
        Assert.That(reply.RedirectUrl, Is.EqualTo("/admin/categories?fait=ajoutee"));
        var category = await App.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Slug == $"bijoux-d-ete-{word}"));
        var last = await App.WithDbAsync(db => db.Categories.MaxAsync(c => c.SortOrder));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(category.Name, Is.EqualTo($"Bijoux d'Été {word}"), "trimmed, inner spaces made one");
            Assert.That(category.IsRetired, Is.False);
            Assert.That(category.SortOrder, Is.EqualTo(last));
            Assert.That((await admin.GetPageAsync(reply.RedirectUrl!)).GetElementById("categories-done")?.TextContent, Is.EqualTo(AdminTexts.Categories.Added));
            Assert.That(FilterOptions(await visitor.GetPageAsync("/oeuvres")), Does.Contain(category.Slug), "the catalogue's cache was evicted");
        });
        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        var atelier = await artist.GetPageAsync("/atelier/oeuvres/nouvelle");
        Assert.That(atelier.QuerySelector($"select[name=category] option[value='{category.Slug}']"), Is.Not.Null);
        var entry = (await JournalOfAsync(adminEmail)).Single();
        Assert.That((entry.Action, entry.Target, entry.Reason), Is.EqualTo(("category.add", $"Catégorie «\u00A0{category.Name}\u00A0» ({category.Slug})", (string?)null)));
    }

    [Test]
    public async Task A_second_category_of_the_same_slug_gets_a_numbered_one()
    {
        var (admin, _) = await SignedInAdminAsync(App);
        using var _a = admin;
        var word = Word();
        var first = await AddAsync(admin, $"Laque {word}");
        var firstSlug = (await CategoryAsync(first))!.Slug;
        var rename = RowForm(await admin.GetPageAsync("/admin/categories"), first, "category-rename");
        Assert.That((await PostAsync(admin, rename, $"Vernis {word}")).Success, Is.True);

        var second = await AddAsync(admin, $"Laque {word}");

        Assert.That((await CategoryAsync(first))!.Slug, Is.EqualTo(firstSlug), "renamed, slug kept");
        Assert.That((await CategoryAsync(second))!.Slug, Is.EqualTo(firstSlug + "-2"));
    }

    [TestCase("", TestName = "An empty name is refused")]
    [TestCase("   ", TestName = "A blank name is refused")]
    [TestCase("?!…", TestName = "A name without a letter is refused")]
    [TestCase("peinture", TestName = "A duplicate in lower case is refused")]
    [TestCase("PEINTURE", TestName = "A duplicate in upper case is refused")]
    [TestCase("Péinture", TestName = "A duplicate with an accent is refused")]
    [TestCase(" Peinture ", TestName = "A duplicate with spaces is refused")]
    [TestCase("Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffffg", TestName = "A name over 60 characters is refused")]
    public async Task Invalid_names_get_400_with_the_error_at_the_name_and_nothing_is_added(string name)
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var count = await App.WithDbAsync(db => db.Categories.CountAsync());

        var reply = await PostAsync(admin, AddForm(await admin.GetPageAsync("/admin/categories")), name);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.ErrorsFor("name"), Is.Not.Empty);
        if (name.Contains("einture")) Assert.That(reply.ErrorsFor("name")[0], Does.Contain("«\u00A0Peinture\u00A0» existe déjà"));
        Assert.That(await App.WithDbAsync(db => db.Categories.CountAsync()), Is.EqualTo(count));
        Assert.That(await JournalOfAsync(adminEmail), Is.Empty);
    }

    [Test]
    public async Task Renaming_to_another_categorys_name_is_refused_but_changing_only_the_case_is_allowed()
    {
        var (admin, _) = await SignedInAdminAsync(App);
        using var _a = admin;
        var word = Word();
        var id = await AddAsync(admin, $"Tissage {word}");
        var page = await admin.GetPageAsync("/admin/categories");

        var duplicate = await PostAsync(admin, RowForm(page, id, "category-rename"), "SCULPTURE");
        Assert.That(duplicate.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(duplicate.ErrorsFor("name"), Has.Some.Contains("«\u00A0Sculpture\u00A0» existe déjà"));
        var tooLong = await PostAsync(admin, RowForm(page, id, "category-rename"), new string('x', 61));
        Assert.That(tooLong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await CategoryAsync(id))!.Name, Is.EqualTo($"Tissage {word}"));

        var recased = await PostAsync(admin, RowForm(page, id, "category-rename"), $"TISSAGE {word}");
        Assert.That(recased.Success, Is.True, recased.Message);
        Assert.That((await CategoryAsync(id))!.Name, Is.EqualTo($"TISSAGE {word}"));
    }

    [Test]
    public async Task Deleting_a_category_in_use_is_refused_with_the_number_of_works_and_changes_nothing()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var id = await AddAsync(admin, NewName());
        var slug = (await CategoryAsync(id))!.Slug;
        // The page was loaded while the category was still empty; two works arrive before the click.
        var deleteForm = RowForm(await admin.GetPageAsync("/admin/categories"), id, "category-delete");
        var (_, _, _, a) = await WorkInAsync(slug);
        a.Dispose();
        var (hidden, _, _, b) = await WorkInAsync(slug);
        b.Dispose();
        await App.WithDbAsync(db => db.Artworks.Where(w => w.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(w => w.HiddenAt, DateTime.UtcNow)));

        var reply = await PostAsync(admin, deleteForm);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Message, Does.Contain("utilisée par 2 œuvres").And.Contain("Retirez-la"), "hidden works count too");
        Assert.That(await CategoryAsync(id), Is.Not.Null);
        Assert.That(await App.WithDbAsync(db => db.Artworks.CountAsync(w => w.CategoryId == id)), Is.EqualTo(2));
        Assert.That((await JournalOfAsync(adminEmail)).Select(e => e.Action), Is.EqualTo(new[] { "category.add" }));
    }

    [Test]
    public async Task An_unknown_category_gets_404_and_a_bad_direction_400()
    {
        var (admin, _) = await SignedInAdminAsync(App);
        using var _a = admin;
        var id = await AddAsync(admin, NewName());
        var page = await admin.GetPageAsync("/admin/categories");
        foreach (var cssClass in new[] { "category-rename", "category-retire", "category-delete" })
        {
            var form = RowForm(page, id, cssClass);
            form.QuerySelector("input[name=id]")!.SetAttribute("value", "999999");
            var reply = await PostAsync(admin, form, cssClass == "category-rename" ? NewName() : null);
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NotFound), cssClass);
            Assert.That(reply.Message, Is.EqualTo(AdminTexts.Categories.UnknownCategory));
        }
        var move = RowForm(page, id, "category-move", "up");
        move.QuerySelector("input[name=direction]")!.SetAttribute("value", "sideways");
        var sideways = await PostAsync(admin, move);
        Assert.That(sideways.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(sideways.ErrorsFor("direction"), Is.Not.Empty);
    }

    [Test]
    public async Task Retiring_keeps_existing_works_and_their_edits_but_the_atelier_refuses_it_for_a_new_work()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var id = await AddAsync(admin, NewName());
        var slug = (await CategoryAsync(id))!.Slug;
        var (workId, title, workSlug, artist) = await WorkInAsync(slug);
        using var _ar = artist;
        using var visitor = NewClient();
        Assert.That(FilterOptions(await visitor.GetPageAsync("/oeuvres")), Does.Contain(slug)); // cached

        var retired = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), id, "category-retire"));

        Assert.That(retired.Success, Is.True, retired.Message);
        Assert.That((await CategoryAsync(id))!.IsRetired, Is.True);
        // Its work stays on the site, so the catalogue still offers the category, and the sitemap lists it.
        await visitor.GetPageAsync($"/oeuvres/{workId}/{workSlug}");
        Assert.That(Titles(await visitor.GetPageAsync($"/oeuvres?categorie={slug}")), Is.EqualTo(new[] { title }));
        Assert.That(FilterOptions(await visitor.GetPageAsync("/oeuvres")), Does.Contain(slug));
        Assert.That(await SitemapPagesAsync(visitor), Does.Contain($"categorie={slug}<"));

        // A new work: the category is not offered, and posting it anyway is refused.
        var newForm = AppClient.Form(await artist.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form");
        Assert.That(newForm.QuerySelector($"select[name=category] option[value='{slug}']"), Is.Null, "a retired category is not offered");
        Assert.That(newForm.QuerySelector("select[name=category] option[value=peinture]"), Is.Not.Null);
        var newTitle = $"Nouveau {Word()}";
        var refused = await artist.PostAjaxAsync(newForm, AtelierFields(newTitle, slug), new Upload("images", "p.jpg", ImageFixtures.Jpeg(900, 700), "image/jpeg"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.ErrorsFor("category"), Is.EqualTo(new[] { PosaX.Web.Features.Atelier.AtelierTexts.Artworks.CategoryRetired }));
        Assert.That(await App.WithDbAsync(db => db.Artworks.AnyAsync(w => w.Title == newTitle)), Is.False);

        // The existing work keeps it: offered (selected) on its edit form, and saving keeps it.
        var editForm = AppClient.Form(await artist.GetPageAsync($"/atelier/oeuvres/{workId}/modifier"), "artwork-form");
        Assert.That(editForm.QuerySelector($"select[name=category] option[value='{slug}']")?.HasAttribute("selected"), Is.True);
        var saved = await artist.PostAjaxAsync(editForm, AtelierFields(title + " (retouché)", slug));
        Assert.That(saved.Success, Is.True, saved.Message);
        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(w => w.Id == workId).Select(w => w.CategoryId).SingleAsync()), Is.EqualTo(id));

        // Once none of its works is on the site, the catalogue and the sitemap stop offering it.
        await App.WithDbAsync(async db =>
        {
            // Through the app's context, not a handler: the commit evicts the cached pages all the same.
            var work = await db.Artworks.SingleAsync(w => w.Id == workId);
            work.HiddenAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.That(FilterOptions(await visitor.GetPageAsync("/oeuvres")), Does.Not.Contain(slug));
        Assert.That(await SitemapPagesAsync(visitor), Does.Not.Contain($"categorie={slug}<"));

        // Restored: offered again, to the public and to the atelier, even with no work on the site.
        var restored = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), id, "category-restore"));
        Assert.That(restored.Success, Is.True, restored.Message);
        Assert.That(FilterOptions(await visitor.GetPageAsync("/oeuvres")), Does.Contain(slug));
        Assert.That(AppClient.Form(await artist.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form")
            .QuerySelector($"select[name=category] option[value='{slug}']"), Is.Not.Null);
        Assert.That((await JournalOfAsync(adminEmail)).Select(e => e.Action), Is.EqualTo(new[] { "category.add", "category.retire", "category.restore" }));
    }

    private static Dictionary<string, string> AtelierFields(string title, string category) => new()
    {
        ["title"] = title, ["price"] = "90000", ["category"] = category, ["heightCm"] = "30", ["widthCm"] = "30",
        ["depthCm"] = "", ["year"] = "", ["status"] = "disponible", ["description"] = "", ["medium"] = "",
    };

    [Test]
    public async Task Renaming_keeps_the_slug_rebuilds_the_search_text_of_every_work_in_batches_and_refreshes_cached_pages()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var oldWord = Word();
        var oldName = $"Vannerie {oldWord}";
        var id = await AddAsync(admin, oldName);
        var slug = (await CategoryAsync(id))!.Slug;
        var (workId, title, workSlug, artist) = await WorkInAsync(slug);
        artist.Dispose();
        // More works than one batch (hidden: they stay out of the other fixtures' listings).
        var artistId = await App.WithDbAsync(db => db.Artworks.Where(w => w.Id == workId).Select(w => w.ArtistId).SingleAsync());
        await App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow.AddDays(-1);
            db.Artworks.AddRange(Enumerable.Range(0, AdminCategoriesModel.RebuildBatchSize + 3).Select(i => new Artwork
            {
                ArtistId = artistId, Title = $"Lot {i}", Slug = $"lot-{i}", Price = 1000, CategoryId = id, HeightCm = 10, WidthCm = 10,
                SearchText = ArtworkDerivedFields.SearchText($"Lot {i}", null, oldName, null, "x"), HiddenAt = now, CreatedAt = now, UpdatedAt = now,
            }));
            return await db.SaveChangesAsync();
        });
        using var visitor = NewClient();
        Assert.That(Titles(await visitor.GetPageAsync($"/oeuvres?q={oldWord}")), Is.EqualTo(new[] { title }));
        var workPage = $"/oeuvres/{workId}/{workSlug}";
        Assert.That((await visitor.GetPageAsync(workPage)).Body!.TextContent, Does.Contain(oldName)); // cached now

        var newWord = Word();
        var newName = $"Osier {newWord}";
        var reply = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), id, "category-rename"), newName);

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(reply.RedirectUrl, Is.EqualTo("/admin/categories?fait=renommee"));
        var category = (await CategoryAsync(id))!;
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((category.Name, category.Slug), Is.EqualTo((newName, slug)), "the slug is kept");
            Assert.That(Titles(await visitor.GetPageAsync($"/oeuvres?q={newWord}")), Is.EqualTo(new[] { title }), "found by the new name");
            Assert.That(Titles(await visitor.GetPageAsync($"/oeuvres?q={oldWord}")), Is.Empty, "no longer by the old one");
            Assert.That(Titles(await visitor.GetPageAsync($"/oeuvres?categorie={slug}")), Is.EqualTo(new[] { title }), "old URL still works");
            Assert.That((await visitor.GetPageAsync(workPage)).Body!.TextContent, Does.Contain(newName).And.Not.Contain(oldName), "cached work page evicted");
            var texts = await App.WithDbAsync(db => db.Artworks.Where(w => w.CategoryId == id).Select(w => w.SearchText).ToListAsync());
            Assert.That(texts, Has.Count.EqualTo(AdminCategoriesModel.RebuildBatchSize + 4));
            Assert.That(texts, Has.All.Contain($"osier {newWord}").And.All.Not.Contain(oldWord), "every batch rebuilt");
        });
        var entry = (await JournalOfAsync(adminEmail)).Last();
        Assert.That((entry.Action, entry.Reason), Is.EqualTo(("category.rename", $"{oldName} → {newName}")));
    }

    [Test]
    public async Task Moving_swaps_a_category_with_its_neighbour_and_the_first_cannot_go_higher()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var first = await AddAsync(admin, NewName("Raphia"));
        var second = await AddAsync(admin, NewName("Rotin"));
        var slugs = (await CategoryAsync(first))!.Slug + "," + (await CategoryAsync(second))!.Slug;
        using var visitor = NewClient();
        Assert.That(string.Join(',', FilterOptions(await visitor.GetPageAsync("/oeuvres")).TakeLast(2)), Is.EqualTo(slugs)); // cached

        var moved = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), second, "category-move", "up"));

        Assert.That(moved.Success, Is.True, moved.Message);
        var (a, b) = ((await CategoryAsync(first))!, (await CategoryAsync(second))!);
        Assert.That(b.SortOrder, Is.EqualTo(a.SortOrder - 1));
        var order = (await admin.GetPageAsync("/admin/categories")).QuerySelectorAll("tr[data-category-id]").Select(r => int.Parse(r.GetAttribute("data-category-id")!)).ToList();
        Assert.That(order.IndexOf(second), Is.EqualTo(order.IndexOf(first) - 1));
        Assert.That(string.Join(',', FilterOptions(await visitor.GetPageAsync("/oeuvres")).TakeLast(2)), Is.EqualTo(string.Join(',', slugs.Split(',').Reverse())), "the public filter follows at once");

        // And back down.
        var back = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), second, "category-move", "down"));
        Assert.That(back.Success, Is.True);
        Assert.That((await CategoryAsync(second))!.SortOrder, Is.GreaterThan((await CategoryAsync(first))!.SortOrder));

        // The first category going up: nothing to do, nothing changes, nothing journaled.
        var page = await admin.GetPageAsync("/admin/categories");
        var top = int.Parse(page.QuerySelector("tr[data-category-id]")!.GetAttribute("data-category-id")!);
        var before = await App.WithDbAsync(db => db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.SortOrder).ToListAsync());
        var noop = await PostAsync(admin, RowForm(page, top, "category-move", "up"));
        Assert.That(noop.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(noop.Message, Is.EqualTo(AdminTexts.Categories.AlreadyFirst));
        Assert.That(await App.WithDbAsync(db => db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.SortOrder).ToListAsync()), Is.EqualTo(before));
        var journal = await JournalOfAsync(adminEmail);
        Assert.That(journal.Select(e => e.Action), Is.EqualTo(new[] { "category.add", "category.add", "category.move", "category.move" }));
        Assert.That(journal[2].Reason, Does.Match(@"^position \d+ → \d+$"));
    }

    [Test]
    public async Task Every_act_writes_one_journal_entry_with_the_admins_email()
    {
        var (admin, adminEmail) = await SignedInAdminAsync(App);
        using var _a = admin;
        var name = NewName("Poterie");
        var id = await AddAsync(admin, name);
        await AddAsync(admin, NewName("Émail"));
        var newName = NewName("Faïence");
        async Task Act(string cssClass, string? field = null, string? direction = null)
        {
            var reply = await PostAsync(admin, RowForm(await admin.GetPageAsync("/admin/categories"), id, cssClass, direction), field);
            Assert.That(reply.Success, Is.True, $"{cssClass}: {reply.Message}");
        }
        await Act("category-rename", newName);
        await Act("category-move", direction: "down");
        await Act("category-retire");
        await Act("category-restore");
        await Act("category-delete");

        Assert.That(await CategoryAsync(id), Is.Null, "an unused category is deleted");
        var journal = await JournalOfAsync(adminEmail);
        Assert.That(journal.Select(e => e.Action), Is.EqualTo(new[]
        {
            "category.add", "category.add", "category.rename", "category.move", "category.retire", "category.restore", "category.delete",
        }));
        Assert.That(journal[2].Reason, Is.EqualTo($"{name} → {newName}"));
        Assert.That(journal.Skip(3), Has.All.Matches<AdminLogEntry>(e => e.Target.Contains(newName)));
        Assert.That(journal, Has.All.Matches<AdminLogEntry>(e => e.CreatedAt > DateTime.UtcNow.AddMinutes(-5)));
    }

    [Test]
    public async Task Without_javascript_a_post_redirects_to_the_list_or_shows_the_error_in_its_form()
    {
        var (admin, _) = await SignedInAdminAsync(App);
        using var _a = admin;
        var name = NewName("Batik");
        using var added = await admin.PostPlainAsync(AddForm(await admin.GetPageAsync("/admin/categories")), new Dictionary<string, string> { ["name"] = name });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(added.Headers.Location!.OriginalString, Is.EqualTo("/admin/categories?fait=ajoutee"));

        using var duplicate = await admin.PostPlainAsync(AddForm(await admin.GetPageAsync("/admin/categories")), new Dictionary<string, string> { ["name"] = name.ToUpperInvariant() });
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await duplicate.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("form.category-add [data-error-for=name]")!.TextContent, Does.Contain("existe déjà"));
        Assert.That(page.QuerySelectorAll("tr[data-category-id]"), Is.Not.Empty, "the list is shown again");
        Assert.That(page.QuerySelectorAll("form.category-rename [data-error-for=name]").Select(e => e.TextContent), Has.All.Empty, "only in the form posted");
    }
}
