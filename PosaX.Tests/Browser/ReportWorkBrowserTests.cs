using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Tests.Features.Catalogue;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>A visitor flags a work from its (cached) page with JavaScript on.</summary>
public class ReportWorkBrowserTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_visitor_opens_the_report_form_on_a_work_page_and_reports_the_work()
    {
        AllowConsoleError(@"status of 400 \(Bad Request\)");
        var work = await Reporting.WorkAsync(App, "Au navigateur");
        // This visitor's own address, so the shared app's per-IP limit is not shared with other tests.
        await Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = Reporting.NewIp() });
        await Page.GotoAsync(work.Path);

        var form = Page.Locator("#report-form");
        await Expect(form).Not.ToBeVisibleAsync(); // closed until asked for
        await Page.Locator("#work-report summary").ClickAsync();
        await Expect(form).ToBeVisibleAsync();

        // Too short: the server's message at the field, nothing recorded.
        await Page.Locator("#report-reason").FillAsync("Copie");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        await Expect(form.Locator("[data-error-for=reason]")).ToHaveTextAsync(CatalogueTexts.Report.ReasonTooShort);
        await Expect(Page.Locator("#report-reason")).ToHaveAttributeAsync("aria-invalid", "true");

        await Page.Locator("#report-reason").FillAsync("Cette peinture est la copie d'une œuvre exposée à Dakar.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();

        await Expect(form.Locator("[data-form-message]")).ToHaveTextAsync(CatalogueTexts.Report.Thanks);
        await Expect(form.Locator("[data-form-message]")).ToHaveClassAsync(new Regex("is-success"));
        await Expect(Page).ToHaveURLAsync(Url(work.Path)); // no navigation: AJAX
        var reports = await Reporting.ReportsOnAsync(App, work.Id);
        Assert.That(reports.Select(r => r.Reason), Is.EqualTo(new[] { "Cette peinture est la copie d'une œuvre exposée à Dakar." }));
    }
}
