using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>/admin/categories and /admin/journal in a real browser: the AJAX forms, the reload after an act, the journal.</summary>
public class AdminCategoriesPageTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task An_admin_adds_is_refused_a_duplicate_moves_and_finds_the_acts_in_the_journal()
    {
        var email = NewEmail("admin");
        const string password = "une phrase de passe d'administration";
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", password], TextWriter.Null), Is.Zero);
        // Signed in from /connexion itself: from /connexion?ReturnUrl=… the cookie handler answers the
        // AJAX login with its own 302 (reported to the lead; Auth is not this branch's).
        await Page.GotoAsync("/connexion");
        await Page.Locator("#login-email").FillAsync(email);
        await Page.Locator("#login-password").FillAsync(password);
        await Page.Locator("#login-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin"));
        await Page.GotoAsync("/admin/categories");

        var name = "Calebasse " + Guid.NewGuid().ToString("N")[..6];
        await Page.Locator("#category-new").FillAsync(name);
        await Page.Locator("form.category-add button[type=submit]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url("/admin/categories?fait=ajoutee"));
        await Expect(Page.Locator("#categories-done")).ToHaveTextAsync(AdminTexts.Categories.Added);
        var row = Page.Locator("tr[data-category-id]").Filter(new() { Has = Page.Locator($"input[name=name][value='{name}']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(Page.Locator("tr[data-category-id]").Last).ToHaveAttributeAsync("data-category-id", (await row.GetAttributeAsync("data-category-id"))!);

        // A duplicate: the error shows at the field, the page stays.
        AllowConsoleError(@"status of 400 \(Bad Request\)");
        await Page.EvaluateAsync("() => { window.__posaxMarker = 'même page'; }");
        await Page.Locator("#category-new").FillAsync(name.ToUpperInvariant());
        await Page.Locator("form.category-add button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#category-new-error")).ToContainTextAsync("existe déjà");
        await Expect(Page.Locator("#category-new")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(await Page.EvaluateAsync<string?>("() => window.__posaxMarker"), Is.EqualTo("même page"));

        // Up one place: the list is reloaded in its new order.
        await row.GetByRole(AriaRole.Button, new() { Name = "Monter " + name }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin/categories?fait=deplacee"));
        var order = await Page.Locator("tr[data-category-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.categoryId)");
        Assert.That(order[^2], Is.EqualTo(await row.GetAttributeAsync("data-category-id")));

        await Page.Locator("nav.admin-nav").GetByRole(AriaRole.Link, new() { Name = "Journal" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin/journal"));
        var rows = Page.Locator("#admin-journal tbody tr");
        await Expect(rows.Nth(0)).ToContainTextAsync("Catégorie déplacée");
        await Expect(rows.Nth(1)).ToContainTextAsync(new Regex($"Catégorie ajoutée — Catégorie « {Regex.Escape(name)} »"));
        await Expect(rows.Nth(0)).ToContainTextAsync(email);
    }
}
