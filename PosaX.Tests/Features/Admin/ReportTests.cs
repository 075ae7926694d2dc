using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.Reporting;

namespace PosaX.Tests.Features.Admin;

/// <summary>/admin/signalements: the queue of visitors' reports and the decisions that close them.</summary>
public class ReportTests(DatabaseProvider provider) : AppTest(provider)
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

    private static IHtmlElement Row(IHtmlDocument page, long reportId) =>
        page.QuerySelector($"#admin-reports [data-report-id='{reportId}']") as IHtmlElement
        ?? throw new AssertionException($"Report {reportId} is not listed.");

    private static IHtmlFormElement CloseForm(IHtmlDocument page, long reportId) =>
        Row(page, reportId).QuerySelector("form.report-close") as IHtmlFormElement
        ?? throw new AssertionException($"No form.report-close for report {reportId}.");

    /// <summary>The open queue searched by the work's unique title: its reports, whatever else is open.</summary>
    private static string Queue(Work work) => "/admin/signalements?q=" + Uri.EscapeDataString(work.Title);

    /// <summary>Every page of a list, following its "Suivantes" links.</summary>
    internal static async Task<List<IHtmlDocument>> QueuePagesAsync(AppClient admin, string url)
    {
        var pages = new List<IHtmlDocument>();
        for (string? next = url; next is not null && pages.Count < 200; )
        {
            var page = await admin.GetPageAsync(next);
            pages.Add(page);
            next = page.QuerySelector(".admin-pager a[rel=next]")?.GetAttribute("href");
        }
        return pages;
    }

    private static Dictionary<string, string> Decision(string decision, string note = "") => new() { ["decision"] = decision, ["note"] = note };

    private Task<List<PosaX.Web.Data.AdminLogEntry>> JournalAsync(string title) =>
        App.WithDbAsync(db => db.AdminLog.AsNoTracking().Where(e => e.Target.Contains(title)).OrderBy(e => e.Id).ToListAsync());

    [Test]
    public async Task Open_reports_are_listed_oldest_first_with_their_work_and_the_visitors_words_as_plain_text()
    {
        var first = await WorkAsync(App, "Première");
        var second = await WorkAsync(App, "Seconde", hidden: false);
        var older = await ReportNewAsync(App, first.Path, "<b>Copie</b> d'une œuvre <script>alert(1)</script> connue");
        var newer = await ReportNewAsync(App, second.Path, "Contenu choquant sur la photo.");
        var sameWork = await ReportNewAsync(App, first.Path, "Même œuvre, autre visiteur.");
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;

        // The whole queue, page after page (50 a page; other tests' reports are in it too).
        var pages = await QueuePagesAsync(admin, "/admin/signalements");
        var page = pages.First(p => p.QuerySelector($"[data-report-id='{older}']") is not null);

        var listed = pages.SelectMany(p => p.QuerySelectorAll("#admin-reports [data-report-id]")).Select(r => long.Parse(r.GetAttribute("data-report-id")!)).ToList();
        Assert.That(listed.IndexOf(older), Is.LessThan(listed.IndexOf(newer)).And.Not.Negative);
        Assert.That(listed.IndexOf(newer), Is.LessThan(listed.IndexOf(sameWork)));
        var row = Row(page, older);
        var reason = row.QuerySelector(".report-reason")!;
        Assert.Multiple(() =>
        {
            Assert.That(row.QuerySelector($"a[href='{first.Path}']")?.TextContent, Is.EqualTo(first.Title));
            Assert.That(row.TextContent, Does.Contain(first.ArtistName));
            Assert.That(row.TextContent, Does.Contain("2 signalements ouverts sur cette œuvre"));
            Assert.That(row.QuerySelector("time")?.GetAttribute("datetime"), Does.StartWith(DateTime.UtcNow.ToString("yyyy-MM-dd")));
            Assert.That(reason.TextContent, Is.EqualTo("<b>Copie</b> d'une œuvre <script>alert(1)</script> connue"));
            Assert.That(reason.Children, Is.Empty, "the visitor's words are never HTML");
            Assert.That(page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(1)")), Is.False);
        });
        var form = CloseForm(page, older);
        Assert.Multiple(() =>
        {
            Assert.That(form.QuerySelector("input[type=hidden][name=id]")?.GetAttribute("value"), Is.EqualTo(older.ToString()));
            Assert.That(form.QuerySelectorAll("select[name=decision] option").Select(o => (o.GetAttribute("value"), o.TextContent)),
                Is.EqualTo(new[] { ("dismissed", "Rien à faire"), ("hidden", "Masquer l’œuvre") }));
            Assert.That(form.QuerySelector("input[name=note]"), Is.Not.Null);
            Assert.That(form.HasAttribute("data-ajax-form"), Is.True);
        });
    }

    [Test]
    public async Task Dismissing_closes_only_that_report_keeps_the_work_online_and_is_journaled_once()
    {
        var work = await WorkAsync(App, "Rien à faire");
        var dismissed = await ReportNewAsync(App, work.Path, "Je n'aime pas cette couleur.");
        var other = await ReportNewAsync(App, work.Path, "Une autre remarque sur l'œuvre.");
        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _a = admin;
        var form = CloseForm(await admin.GetPageAsync(Queue(work)), dismissed);

        var reply = await admin.PostAjaxAsync(form, Decision("dismissed", "  Question de goût  "));

        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, AdminTexts.Reports.Dismissed)));
        var reports = await ReportsOnAsync(App, work.Id);
        var closed = reports.Single(r => r.Id == dismissed);
        Assert.Multiple(() =>
        {
            Assert.That((closed.Decision, closed.DecisionNote, closed.ClosedBy), Is.EqualTo(("dismissed", "Question de goût", adminEmail)));
            Assert.That(closed.ClosedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(reports.Single(r => r.Id == other).ClosedAt, Is.Null, "the other report on the work stays open");
        });
        using (var visitor = NewClient()) await visitor.GetPageAsync(work.Path);
        var journal = await JournalAsync(work.Title);
        Assert.That(journal.Select(e => (e.Action, e.AdminEmail, e.Reason)),
            Is.EqualTo(new[] { ("report.close", adminEmail, "dismissed : Question de goût") }));

        // Out of the open queue, in the closed one with its decision.
        var open = await admin.GetPageAsync(Queue(work));
        Assert.That(open.QuerySelector($"[data-report-id='{dismissed}']"), Is.Null);
        Assert.That(open.QuerySelector($"[data-report-id='{other}']"), Is.Not.Null);
        var closedRow = Row(await admin.GetPageAsync(Queue(work) + "&etat=clos"), dismissed);
        Assert.That(closedRow.QuerySelector("[data-decision]")?.TextContent, Is.EqualTo("Rien à faire"));
        Assert.That(closedRow.TextContent, Does.Contain("Question de goût"));
        Assert.That(closedRow.QuerySelector("form"), Is.Null);

        // The same form posted again (a double click, a second admin): success, nothing changes.
        var again = await admin.PostAjaxAsync(form, Decision("hidden", "Finalement non"));
        Assert.That((again.Status, again.Success, again.Message), Is.EqualTo((HttpStatusCode.OK, true, AdminTexts.Reports.AlreadyClosed)));
        Assert.That((await ReportsOnAsync(App, work.Id)).Single(r => r.Id == dismissed).Decision, Is.EqualTo("dismissed"));
        Assert.That(await JournalAsync(work.Title), Has.Count.EqualTo(1));
        using (var visitor = NewClient()) await visitor.GetPageAsync(work.Path);
    }

    [Test]
    public async Task Closing_with_hidden_hides_the_work_mails_the_artist_and_closes_every_open_report_on_it()
    {
        var work = await WorkAsync(App, "Contrefaçon");
        var bystander = await WorkAsync(App, "Innocente");
        var first = await ReportNewAsync(App, work.Path, "Copie d'un tableau de musée.");
        var second = await ReportNewAsync(App, work.Path, "C'est une reproduction vendue comme originale.");
        var untouched = await ReportNewAsync(App, bystander.Path, "Signalement sur une autre œuvre.");
        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _a = admin;
        using var visitor = NewClient();
        await visitor.GetPageAsync(work.Path); // now in the output cache

        var reply = await admin.PostAjaxAsync(CloseForm(await admin.GetPageAsync(Queue(work)), second),
            Decision("hidden", "Reproduction d'une œuvre d'un autre artiste"));

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(reply.Message, Is.EqualTo(AdminTexts.Reports.WorkHidden(2)));
        await visitor.GetPageAsync(work.Path, HttpStatusCode.NotFound);
        var hidden = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == work.Id).Select(a => new { a.HiddenAt, a.HiddenReason }).SingleAsync());
        Assert.That(hidden.HiddenAt, Is.Not.Null);
        Assert.That(hidden.HiddenReason, Is.EqualTo("Reproduction d'une œuvre d'un autre artiste"));
        var mail = await App.Mailbox.WaitForAsync(work.ArtistEmail, "retirée");
        Assert.That(mail.Body, Does.Contain("Reproduction d'une œuvre d'un autre artiste"));
        Assert.That(mail.Body, Does.Contain(work.Title));

        var reports = await ReportsOnAsync(App, work.Id);
        Assert.That(reports.Select(r => (r.Id, r.Decision, r.DecisionNote, r.ClosedBy, r.ClosedAt is not null)), Is.EqualTo(new[]
        {
            (first, (string?)"hidden", (string?)"Reproduction d'une œuvre d'un autre artiste", (string?)adminEmail, true),
            (second, "hidden", "Reproduction d'une œuvre d'un autre artiste", adminEmail, true),
        }));
        Assert.That((await ReportsOnAsync(App, bystander.Id)).Single(r => r.Id == untouched).ClosedAt, Is.Null);
        var journal = await JournalAsync(work.Title);
        Assert.That(journal.Select(e => (e.Action, e.Reason)), Is.EquivalentTo(new[]
        {
            ("report.close", "hidden : Reproduction d'une œuvre d'un autre artiste"),
            ("artwork.hide", "Reproduction d'une œuvre d'un autre artiste"),
        }));
        Assert.That(journal.Select(e => e.AdminEmail), Is.All.EqualTo(adminEmail));

        // Hidden works stay in the closed list, marked as such.
        var closedRow = Row(await admin.GetPageAsync(Queue(work) + "&etat=clos"), first);
        Assert.That(closedRow.QuerySelector("[data-decision]")?.TextContent, Is.EqualTo("Masquer l’œuvre"));
        Assert.That(closedRow.QuerySelector(".badge")?.TextContent, Is.EqualTo("Masquée"));
    }

    [Test]
    public async Task A_report_on_a_work_already_hidden_is_closed_without_a_second_mail()
    {
        var work = await WorkAsync(App, "Déjà masquée");
        var report = await ReportNewAsync(App, work.Path, "Cette œuvre pose problème.");
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;
        var form = CloseForm(await admin.GetPageAsync(Queue(work)), report);
        var hide = (await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(work.Title)))
            .QuerySelector($"[data-artwork-id='{work.Id}'] form.moderation-hide") as IHtmlFormElement;
        Assert.That((await admin.PostAjaxAsync(hide!, new Dictionary<string, string> { ["reason"] = "Masquée d'abord" })).Success, Is.True);
        await App.Mailbox.WaitForAsync(work.ArtistEmail, "retirée");

        var reply = await admin.PostAjaxAsync(form, Decision("hidden", "Confirmé"));

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That((await ReportsOnAsync(App, work.Id)).Single().Decision, Is.EqualTo("hidden"));
        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == work.Id).Select(a => a.HiddenReason).SingleAsync()),
            Is.EqualTo("Masquée d'abord"), "the first reason stands");
        Assert.That(await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == work.ArtistEmail && m.Subject.Contains("retirée"))), Is.EqualTo(1));
        Assert.That((await JournalAsync(work.Title)).Select(e => e.Action), Is.EqualTo(new[] { "artwork.hide", "report.close" }));
    }

    [Test]
    public async Task Hiding_needs_a_note_and_every_close_needs_a_known_decision_and_report()
    {
        var work = await WorkAsync(App, "Invalide");
        var report = await ReportNewAsync(App, work.Path, "Une raison suffisamment longue.");
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;
        var form = CloseForm(await admin.GetPageAsync(Queue(work)), report);

        var noNote = await admin.PostAjaxAsync(form, Decision("hidden", "   "));
        var unknownDecision = await admin.PostAjaxAsync(form, Decision("supprimer", "note"));
        var tooLong = await admin.PostAjaxAsync(form, Decision("dismissed", new string('n', 501)));
        var unknownReport = await admin.PostAjaxAsync(form, new Dictionary<string, string> { ["id"] = "999999999", ["decision"] = "dismissed" });
        var noId = await admin.PostAjaxAsync(form, new Dictionary<string, string> { ["id"] = "", ["decision"] = "dismissed" });

        Assert.Multiple(() =>
        {
            Assert.That((noNote.Status, noNote.ErrorsFor("note").Single()), Is.EqualTo((HttpStatusCode.BadRequest, AdminTexts.Reports.NoteRequired)));
            Assert.That((unknownDecision.Status, unknownDecision.ErrorsFor("decision").Single()),
                Is.EqualTo((HttpStatusCode.BadRequest, AdminTexts.Reports.DecisionRequired)));
            Assert.That((tooLong.Status, tooLong.ErrorsFor("note").Single()), Is.EqualTo((HttpStatusCode.BadRequest, AdminTexts.Reports.NoteTooLong)));
            Assert.That((unknownReport.Status, unknownReport.ErrorsFor("id").Single()), Is.EqualTo((HttpStatusCode.BadRequest, AdminTexts.Reports.UnknownReport)));
            Assert.That((noId.Status, noId.ErrorsFor("id").Single()), Is.EqualTo((HttpStatusCode.BadRequest, AdminTexts.Reports.UnknownReport)));
        });
        Assert.That((await ReportsOnAsync(App, work.Id)).Single().ClosedAt, Is.Null);
        Assert.That(await JournalAsync(work.Title), Is.Empty);
        using var visitor = NewClient();
        await visitor.GetPageAsync(work.Path);
    }

    [Test]
    public async Task Anonymous_visitors_and_artists_can_neither_list_nor_close_reports()
    {
        var work = await WorkAsync(App, "Protégée");
        var report = await ReportNewAsync(App, work.Path, "Une raison suffisamment longue.");
        var (admin, _) = await SignedInAdminAsync();
        var form = CloseForm(await admin.GetPageAsync(Queue(work)), report);
        admin.Dispose();

        using var anonymous = NewClient();
        using (var list = await anonymous.Http.GetAsync("/admin/signalements"))
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(list.Headers.Location!.OriginalString, Does.EndWith("/connexion?ReturnUrl=%2Fadmin%2Fsignalements"));
        }
        var anonymousToken = (await anonymous.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", anonymousToken);
        var byAnonymous = await anonymous.PostAjaxAsync(form, Decision("hidden", "abus"));
        Assert.That((byAnonymous.Status, byAnonymous.Success), Is.EqualTo((HttpStatusCode.Unauthorized, false)));

        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        await artist.GetPageAsync("/admin/signalements", HttpStatusCode.Forbidden);
        var artistToken = (await artist.GetPageAsync("/profil")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", artistToken);
        var byArtist = await artist.PostAjaxAsync(form, Decision("hidden", "abus"));
        Assert.That((byArtist.Status, byArtist.Success), Is.EqualTo((HttpStatusCode.Forbidden, false)));

        Assert.That((await ReportsOnAsync(App, work.Id)).Single().ClosedAt, Is.Null);
        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == work.Id).Select(a => a.HiddenAt).SingleAsync()), Is.Null);
        Assert.That(await JournalAsync(work.Title), Is.Empty);
    }

    [Test]
    public async Task The_dashboard_counts_open_reports_and_links_to_the_queue()
    {
        var work = await WorkAsync(App, "Au tableau");
        await ReportNewAsync(App, work.Path, "Une raison suffisamment longue.");
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;

        var page = await admin.GetPageAsync("/admin");

        var open = await App.WithDbAsync(db => db.ArtworkReports.CountAsync(r => r.ClosedAt == null));
        Assert.That(open, Is.GreaterThanOrEqualTo(1));
        Assert.That(int.Parse(page.QuerySelector("[data-count=open-reports]")!.TextContent), Is.EqualTo(open));
        Assert.That(page.QuerySelector("nav a[href='/admin/signalements']"), Is.Not.Null, "in the admin navigation");
        Assert.That(page.QuerySelector("#admin-counts a[href='/admin/signalements']"), Is.Not.Null, "the count leads to the queue");
        var queue = await admin.GetPageAsync("/admin/signalements");
        Assert.That(int.Parse(queue.QuerySelector("[data-count=open-reports]")!.TextContent), Is.EqualTo(open));
    }
}
