using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.Reporting;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>A visitor flags a work from its page (/oeuvres/{id}/signaler); admins see it in /admin/signalements.</summary>
public class ReportWorkTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Reason(string reason) => new() { ["reason"] = reason };

    [Test]
    public async Task A_visitor_reports_a_work_through_the_form_on_its_cached_page()
    {
        var work = await WorkAsync(App);
        using var visitor = VisitorFrom(App);
        await visitor.GetPageAsync(work.Path); // the second read below comes from the output cache
        var page = await visitor.GetPageAsync(work.Path);
        var form = AppClient.Form(page, "report-form");
        Assert.Multiple(() =>
        {
            Assert.That(form.Closest("details")?.QuerySelector("summary")?.TextContent, Is.EqualTo("Signaler cette œuvre"));
            Assert.That(form.GetAttribute("action"), Is.EqualTo($"/oeuvres/{work.Id}/signaler"));
            Assert.That(form.GetAttribute("data-token-url"), Is.EqualTo("/antiforgery/token"));
            Assert.That(form.HasAttribute("data-ajax-form"), Is.True);
            Assert.That(page.QuerySelector("input[name=__RequestVerificationToken]"), Is.Null, "a cached page carries no token");
            Assert.That(form.QuerySelector("textarea[name=reason]")?.GetAttribute("maxlength"), Is.EqualTo("1000"));
        });

        var reply = await visitor.PostAjaxAsync(form, Reason("  Cette photo vient du site d'un autre peintre.\r\nVoir sa galerie.  "));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Message);
        Assert.That(reply.Success, Is.True);
        Assert.That(reply.Message, Is.EqualTo(CatalogueTexts.Report.Thanks));
        var report = (await ReportsOnAsync(App, work.Id)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Reason, Is.EqualTo("Cette photo vient du site d'un autre peintre.\nVoir sa galerie."));
            Assert.That(report.ClosedAt, Is.Null);
            Assert.That(report.Decision, Is.Null);
            Assert.That(report.CreatedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
        // Reporting does not take the work down: only an admin does.
        await visitor.GetPageAsync(work.Path);
    }

    [Test]
    public async Task The_same_visitor_reporting_a_work_twice_leaves_one_report()
    {
        var work = await WorkAsync(App);
        var ip = NewIp();
        using (var visitor = VisitorFrom(App, ip))
        {
            Assert.That((await ReportAsync(visitor, work.Path, "Contrefaçon d'une œuvre connue.")).Success, Is.True);
        }
        // Another session (new cookies) from the same address: still the same reporter.
        using (var again = VisitorFrom(App, ip))
        {
            var reply = await ReportAsync(again, work.Path, "Je le signale encore une fois.");
            Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, CatalogueTexts.Report.Thanks)));
        }
        Assert.That(await ReportsOnAsync(App, work.Id), Has.Count.EqualTo(1));

        using var someoneElse = VisitorFrom(App);
        Assert.That((await ReportAsync(someoneElse, work.Path, "Contenu choquant pour des enfants.")).Success, Is.True);
        Assert.That(await ReportsOnAsync(App, work.Id), Has.Count.EqualTo(2));
    }

    [TestCase("", "required")]
    [TestCase("   \r\n  ", "required")]
    [TestCase("Copie", "short")]
    [TestCase("long", "long")]
    public async Task An_empty_short_or_too_long_reason_is_refused_with_its_field_error(string reason, string expected)
    {
        var work = await WorkAsync(App);
        using var visitor = VisitorFrom(App);
        if (reason == "long") reason = new string('a', ArtworkReport.ReasonMaxLength + 1);

        var reply = await ReportAsync(visitor, work.Path, reason);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.ErrorsFor("reason"), Is.EqualTo(new[]
        {
            expected switch
            {
                "required" => CatalogueTexts.Report.ReasonRequired,
                "short" => CatalogueTexts.Report.ReasonTooShort,
                _ => CatalogueTexts.Report.ReasonTooLong,
            },
        }));
        Assert.That(await ReportsOnAsync(App, work.Id), Is.Empty);
    }

    [Test]
    public async Task A_reason_of_exactly_the_maximum_length_counting_line_breaks_as_one_is_accepted()
    {
        var work = await WorkAsync(App);
        using var visitor = VisitorFrom(App);
        // 1,000 characters as the textarea counts them; the browser posts each line break as CRLF.
        var reason = string.Join("\r\n", Enumerable.Repeat(new string('b', 99), 10)) + "b";

        var reply = await ReportAsync(visitor, work.Path, reason);

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That((await ReportsOnAsync(App, work.Id)).Single().Reason, Has.Length.EqualTo(ArtworkReport.ReasonMaxLength));
    }

    [Test]
    public async Task A_work_not_on_the_site_cannot_be_reported()
    {
        var visible = await WorkAsync(App);
        var hidden = await WorkAsync(App, hidden: true);
        using var visitor = VisitorFrom(App);
        await visitor.GetPageAsync($"/oeuvres/{hidden.Id}/signaler", HttpStatusCode.NotFound);
        await visitor.GetPageAsync($"/oeuvres/{long.MaxValue - 3}/signaler", HttpStatusCode.NotFound);

        // The real form, aimed at the hidden work (as a page loaded before the work was hidden would be).
        var form = AppClient.Form(await visitor.GetPageAsync(visible.Path), "report-form");
        form.SetAttribute("action", $"/oeuvres/{hidden.Id}/signaler");
        var reply = await visitor.PostAjaxAsync(form, Reason("Une raison tout à fait valable."));

        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.NotFound, false, CatalogueTexts.Report.NotOnSite)));
        Assert.That(await ReportsOnAsync(App, hidden.Id), Is.Empty);
    }

    [Test]
    public async Task Without_JavaScript_the_report_page_takes_a_plain_post_and_confirms()
    {
        var work = await WorkAsync(App);
        using var visitor = VisitorFrom(App);
        var workPage = await visitor.GetPageAsync(work.Path);
        Assert.That(workPage.QuerySelector("#work-report noscript")?.InnerHtml, Does.Contain($"href=\"/oeuvres/{work.Id}/signaler\""));
        Assert.That(AppClient.Form(workPage, "report-form").ClassList, Does.Contain("needs-script"));

        var reportPage = await visitor.GetPageAsync($"/oeuvres/{work.Id}/signaler");
        Assert.That(reportPage.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
        var form = AppClient.Form(reportPage, "report-form");
        Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null, "the report page is never cached: its form has a token");

        // Too short first: the page comes back with the value and the error, and a working form.
        using var bad = await visitor.PostPlainAsync(form, Reason("Faux"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var again = await new HtmlParser().ParseDocumentAsync(await bad.Content.ReadAsStringAsync());
        var retryForm = AppClient.Form(again, "report-form");
        Assert.That(retryForm.QuerySelector("textarea[name=reason]")?.TextContent, Is.EqualTo("Faux"));
        Assert.That(retryForm.QuerySelector("[data-error-for=reason]")?.TextContent, Is.EqualTo(CatalogueTexts.Report.ReasonTooShort));

        using var ok = await visitor.PostPlainAsync(retryForm, Reason("Cette œuvre est une copie d'une photo connue."));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ok.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var confirmation = await new HtmlParser().ParseDocumentAsync(await ok.Content.ReadAsStringAsync());
        Assert.That(confirmation.QuerySelector("#report-outcome")?.TextContent, Is.EqualTo(CatalogueTexts.Report.Thanks));
        Assert.That(confirmation.QuerySelector($"a[href='{work.Path}']"), Is.Not.Null, "a way back to the work");
        Assert.That((await ReportsOnAsync(App, work.Id)).Single().Reason, Is.EqualTo("Cette œuvre est une copie d'une photo connue."));
    }

    [Test]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var work = await WorkAsync(App);
        using var visitor = VisitorFrom(App);
        var form = AppClient.Form(await visitor.GetPageAsync(work.Path), "report-form");
        form.RemoveAttribute("data-token-url"); // posts with no token at all

        var reply = await visitor.PostAjaxAsync(form, Reason("Une raison tout à fait valable."));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ReportsOnAsync(App, work.Id), Is.Empty);
    }

    [Test]
    public async Task Signed_in_artists_and_admins_can_report_too()
    {
        var work = await WorkAsync(App);
        var (artist, _) = await Accounts.NewArtistAsync(App, "Autre artiste");
        using var _a = artist;
        artist.Http.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());
        Assert.That((await ReportAsync(artist, work.Path, "Mon œuvre a été copiée ici.")).Success, Is.True);

        var adminEmail = NewEmail("admin");
        Assert.That(await PosaX.Web.Features.Admin.AdminCommands.CreateAdminAsync(App.Services,
            ["create-admin", "--email", adminEmail, "--password", "une phrase de passe d'administration"], TextWriter.Null), Is.Zero);
        using var admin = VisitorFrom(App);
        Assert.That((await admin.LoginAsync(adminEmail, "une phrase de passe d'administration")).Success, Is.True);
        Assert.That((await ReportAsync(admin, work.Path, "À vérifier plus tard par l'équipe.")).Success, Is.True);

        Assert.That(await ReportsOnAsync(App, work.Id), Has.Count.EqualTo(2));
    }
}

/// <summary>The per-IP limit on reports, on an app of its own with a tiny limit.</summary>
public class ReportLimitTests
{
    [Test]
    public async Task Reports_beyond_the_per_IP_limit_get_429_with_Retry_After_and_a_French_message()
    {
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:ReportsPerIpPerHour"] = "2" });
        var works = new List<Reporting.Work>();
        for (var i = 0; i < 3; i++) works.Add(await WorkAsync(app));
        using var visitor = VisitorFrom(app);

        var first = await ReportAsync(visitor, works[0].Path, "Premier signalement, assez long.");
        var second = await ReportAsync(visitor, works[1].Path, "Deuxième signalement, assez long.");
        // A repeat is thanked and not counted: it takes no permit.
        var repeat = await ReportAsync(visitor, works[0].Path, "Le premier, une seconde fois.");
        var third = await ReportAsync(visitor, works[2].Path, "Troisième signalement, de trop.");

        Assert.That(new[] { first.Status, second.Status, repeat.Status, third.Status },
            Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429 }));
        Assert.That(third.Success, Is.False);
        Assert.That(third.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(third.Message, Does.StartWith("Trop de tentatives. Réessayez dans"));
        Assert.That(await ReportsOnAsync(app, works[2].Id), Is.Empty);

        // The limit is per address: another visitor is not held back.
        using var other = VisitorFrom(app);
        Assert.That((await ReportAsync(other, works[2].Path, "Un autre visiteur, ailleurs.")).Success, Is.True);
        Assert.That(await app.WithDbAsync(db => db.ArtworkReports.CountAsync()), Is.EqualTo(3));
    }
}
