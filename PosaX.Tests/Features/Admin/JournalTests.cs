using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Admin;

public class JournalTests(DatabaseProvider provider) : AppTest(provider)
{
    private sealed record Row(long Id, string When, string Admin, string What, string Reason);

    private static List<Row> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("#admin-journal tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
            return new Row(long.Parse(tr.GetAttribute("data-entry-id")!), cells[0], cells[1], cells[2], cells[3]);
        }).ToList();

    /// <summary>Entries written straight to the table, oldest first, one minute apart: the journal's paging and filters are read-only.</summary>
    private Task WriteEntriesAsync(string adminEmail, int count, Func<int, string> action) =>
        App.WithDbAsync(async db =>
        {
            var start = DateTime.UtcNow.AddHours(-count);
            for (var i = 0; i < count; i++)
            {
                db.AdminLog.Add(new AdminLogEntry
                {
                    AdminEmail = adminEmail, Action = action(i), Target = $"Cible {i}", Reason = $"motif {i}", CreatedAt = start.AddMinutes(i),
                });
                await db.SaveChangesAsync(); // one at a time: ids in the order of their dates, as real acts are
            }
            return count;
        });

    [Test]
    public async Task An_admins_act_appears_at_the_top_with_who_what_when_and_why()
    {
        var (admin, adminEmail) = await CategoriesTests.SignedInAdminAsync(App);
        using var _a = admin;
        var name = "Journalisée " + CatalogueWord();
        var page = await admin.GetPageAsync("/admin/categories");
        var added = await admin.PostAjaxAsync((IHtmlFormElement)page.QuerySelector("form.category-add")!, new Dictionary<string, string> { ["name"] = name });
        Assert.That(added.Success, Is.True, added.Message);
        var id = await App.WithDbAsync(db => db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        page = await admin.GetPageAsync("/admin/categories");
        var renamed = await admin.PostAjaxAsync((IHtmlFormElement)page.QuerySelector($"tr[data-category-id='{id}'] form.category-rename")!,
            new Dictionary<string, string> { ["name"] = name + " bis" });
        Assert.That(renamed.Success, Is.True, renamed.Message);

        var journal = await admin.GetPageAsync("/admin/journal");

        var rows = Rows(journal);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Admin, Is.EqualTo(adminEmail));
            Assert.That(rows[0].What, Does.StartWith("Catégorie renommée").And.Contain($"«\u00A0{name} bis\u00A0»"));
            Assert.That(rows[0].Reason, Is.EqualTo($"{name} → {name} bis"));
            Assert.That(rows[1].What, Does.StartWith("Catégorie ajoutée").And.Contain($"«\u00A0{name}\u00A0»"));
            Assert.That(rows[1].Reason, Is.EqualTo("—"));
            Assert.That(rows[0].When, Does.Match(@"^\d{1,2} \S+ \d{4} à \d{2}:\d{2}:\d{2}$"));
            Assert.That(rows.Select(r => r.Id), Is.Ordered.Descending, "newest first");
            Assert.That(journal.GetElementById("journal-append-only")!.TextContent, Does.Contain("ni modifié ni effacé"));
            Assert.That(journal.Body!.TextContent, Does.Contain("Heures de Douala (UTC+1)"));
            Assert.That(journal.QuerySelector("nav.admin-nav a[aria-current=page]")?.GetAttribute("href"), Is.EqualTo("/admin/journal"));
        });
        // Douala time: the stored UTC plus one hour.
        var stored = await App.WithDbAsync(db => db.AdminLog.Where(e => e.Id == rows[0].Id).Select(e => e.CreatedAt).SingleAsync());
        Assert.That(rows[0].When, Does.EndWith(stored.AddHours(1).ToString("HH:mm:ss")));
    }

    [Test]
    public async Task Pages_of_fifty_go_back_in_time_with_the_plus_anciens_link_keeping_the_filter()
    {
        var (admin, _) = await CategoriesTests.SignedInAdminAsync(App);
        using var _a = admin;
        var author = $"pager-{Guid.NewGuid():N}@exemple.cm";
        await WriteEntriesAsync(author, AdminJournalModel.PageSize + 5, _ => "artwork.hide");

        var first = await admin.GetPageAsync("/admin/journal?admin=" + Uri.EscapeDataString(author));
        var older = first.GetElementById("journal-older")?.GetAttribute("href");
        Assert.That(older, Is.Not.Null, "a next page");
        var second = await admin.GetPageAsync(older!);

        var page1 = Rows(first);
        var page2 = Rows(second);
        Assert.Multiple(() =>
        {
            Assert.That(page1, Has.Count.EqualTo(AdminJournalModel.PageSize));
            Assert.That(page1[0].What, Does.Contain($"Cible {AdminJournalModel.PageSize + 4}"), "the newest first");
            Assert.That(page2.Select(r => r.What), Is.EqualTo(Enumerable.Range(0, 5).Reverse().Select(i => $"Œuvre masquée — Cible {i}")));
            Assert.That(page1.Concat(page2).Select(r => r.Id), Is.Ordered.Descending.And.Unique);
            Assert.That(older, Does.Contain("admin=").And.Contain($"avant={page1[^1].Id}"));
            Assert.That(second.GetElementById("journal-older"), Is.Null, "no page after the last");
            Assert.That(Uri.UnescapeDataString(second.QuerySelector("a[rel=first]")?.GetAttribute("href") ?? ""), Is.EqualTo("/admin/journal?admin=" + author));
            Assert.That(page1.Concat(page2), Has.All.Matches<Row>(r => r.Admin == author));
        });
    }

    [Test]
    public async Task Filters_by_action_and_by_admin_show_only_matching_entries()
    {
        var (admin, _) = await CategoriesTests.SignedInAdminAsync(App);
        using var _a = admin;
        var alice = $"alice-{Guid.NewGuid():N}@exemple.cm";
        var bruno = $"bruno-{Guid.NewGuid():N}@exemple.cm";
        await WriteEntriesAsync(alice, 4, i => i % 2 == 0 ? "category.retire" : "category.restore");
        await WriteEntriesAsync(bruno, 3, _ => "category.retire");

        var byAlice = Rows(await admin.GetPageAsync("/admin/journal?admin=" + Uri.EscapeDataString(alice.ToUpperInvariant())));
        var retiredByAlice = Rows(await admin.GetPageAsync($"/admin/journal?action=category.retire&admin={Uri.EscapeDataString(alice)}"));
        var page = await admin.GetPageAsync("/admin/journal?action=category.restore");
        var restores = Rows(page);

        Assert.Multiple(() =>
        {
            Assert.That(byAlice, Has.Count.EqualTo(4), "the address matches whatever its case");
            Assert.That(byAlice, Has.All.Matches<Row>(r => r.Admin == alice));
            Assert.That(retiredByAlice.Select(r => r.What), Is.EqualTo(new[] { "Catégorie retirée — Cible 2", "Catégorie retirée — Cible 0" }));
            Assert.That(restores, Has.All.Matches<Row>(r => r.What.StartsWith("Catégorie rétablie")));
            Assert.That(restores.Count(r => r.Admin == alice), Is.EqualTo(2));
            Assert.That(restores.Any(r => r.Admin == bruno), Is.False);
            Assert.That(page.QuerySelector("#journal-action option[selected]")?.GetAttribute("value"), Is.EqualTo("category.restore"));
            Assert.That(page.QuerySelectorAll("#journal-admin option").Select(o => o.GetAttribute("value")), Does.Contain(alice).And.Contain(bruno));
        });
        var nothing = await admin.GetPageAsync("/admin/journal?action=n-existe-pas");
        Assert.That(Rows(nothing), Is.Empty);
        Assert.That(nothing.Body!.TextContent, Does.Contain(AdminTexts.Journal.Empty));
    }

    [Test]
    public async Task Only_admins_read_the_journal_and_a_post_changes_nothing()
    {
        using var anonymous = NewClient();
        using (var redirect = await anonymous.Http.GetAsync("/admin/journal"))
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(redirect.Headers.Location!.OriginalString, Does.Contain("/connexion?ReturnUrl=%2Fadmin%2Fjournal"));
        }
        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        await artist.GetPageAsync("/admin/journal", HttpStatusCode.Forbidden);

        var (admin, _) = await CategoriesTests.SignedInAdminAsync(App);
        using var _a = admin;
        await WriteEntriesAsync($"effacer-{Guid.NewGuid():N}@exemple.cm", 1, _ => "artwork.hide");
        var page = await admin.GetPageAsync("/admin/journal");
        Assert.That(page.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action")), Has.None.StartsWith("/admin/journal"), "no form posts to the journal");
        var entries = await App.WithDbAsync(db => db.AdminLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var token = (await admin.GetPageAsync("/admin/categories")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/journal?handler=Delete")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = entries[0].Id.ToString() }),
        };
        using var response = await admin.Http.SendAsync(post);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(await App.WithDbAsync(db => db.AdminLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync()),
            Is.EqualTo(entries).Using<AdminLogEntry>((a, b) => a.Id == b.Id && a.Action == b.Action && a.Target == b.Target && a.Reason == b.Reason));
    }

    private static string CatalogueWord() => Catalogue.CatalogueData.Word();
}
