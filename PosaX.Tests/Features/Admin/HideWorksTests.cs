using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Admin;

public class HideWorksTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(AppClient Admin, string Email)> SignedInAdminAsync()
    {
        var email = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", "une phrase de passe d'administration"], TextWriter.Null), Is.Zero);
        var client = NewClient();
        Assert.That((await client.LoginAsync(email, "une phrase de passe d'administration")).Success, Is.True);
        return (client, email);
    }

    private async Task<(long Id, string Path, string Title, string ArtistEmail)> WorkAsync()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var title = "À modérer " + Guid.NewGuid().ToString("N")[..8];
        var id = await SeedArtworks.CreateAsync(App, email, title);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (id, $"/oeuvres/{id}/{slug}", title, email);
    }

    private static async Task<int> CardsAsync(AppClient client, string title) =>
        (await client.GetPageAsync("/oeuvres?q=" + Uri.EscapeDataString(title)))
            .QuerySelectorAll(".artwork-card").Count(card => card.TextContent.Contains(title));

    private static AngleSharp.Html.Dom.IHtmlFormElement RowForm(AngleSharp.Html.Dom.IHtmlDocument page, long id, string cssClass) =>
        page.QuerySelector($"[data-artwork-id='{id}'] form.{cssClass}") as AngleSharp.Html.Dom.IHtmlFormElement
        ?? throw new AssertionException($"No form.{cssClass} for work {id}.");

    [Test]
    public async Task Hiding_a_work_takes_it_out_everywhere_at_once_mails_the_artist_and_is_journaled_then_showing_restores_it()
    {
        var (id, path, title, artistEmail) = await WorkAsync();
        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _ = admin;
        using var visitor = NewClient();
        await visitor.GetPageAsync(path); // now in the output cache
        var pictures = await MediaOfWorkAsync(App, id);
        foreach (var picture in pictures) Assert.That(await StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.OK), picture);
        Assert.That(await CardsAsync(visitor, title), Is.EqualTo(1));

        var list = await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(title));
        var form = RowForm(list, id, "moderation-hide");
        Assert.That(form.QuerySelector("input[type=hidden][name=id]")?.GetAttribute("value"), Is.EqualTo(id.ToString()));
        var hidden = await admin.PostAjaxAsync(form, new Dictionary<string, string> { ["reason"] = "Photo d'une œuvre d'un autre artiste" });

        Assert.That(hidden.Success, Is.True, hidden.Message);
        await visitor.GetPageAsync(path, HttpStatusCode.NotFound);
        foreach (var picture in pictures)
            Assert.That(await StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.NotFound), $"{picture} at once");
        // The admin (moderation lists) still sees it, and no shared cache may keep it.
        using (var forAdmin = await admin.Http.GetAsync(pictures[0]))
        {
            Assert.That(forAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(forAdmin.Headers.CacheControl?.Private, Is.True);
        }
        Assert.That(await CardsAsync(visitor, title), Is.Zero, "out of the catalogue search at once");
        var mail = await App.Mailbox.WaitForAsync(artistEmail, "retirée");
        Assert.That(mail.Body, Does.Contain("Photo d'une œuvre d'un autre artiste"));
        var entry = await App.WithDbAsync(db => db.AdminLog.Where(e => e.Target.Contains(title)).SingleAsync());
        Assert.That((entry.AdminEmail, entry.Action, entry.Reason), Is.EqualTo((adminEmail, "artwork.hide", "Photo d'une œuvre d'un autre artiste")));

        var hiddenList = await admin.GetPageAsync("/admin/oeuvres?etat=masquees&q=" + Uri.EscapeDataString(title));
        var shown = await admin.PostAjaxAsync(RowForm(hiddenList, id, "moderation-show"), new Dictionary<string, string>());
        Assert.That(shown.Success, Is.True);
        await visitor.GetPageAsync(path);
        foreach (var picture in pictures)
            Assert.That(await StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.OK), $"{picture} back at once");
    }

    /// <summary>Every stored picture of a work: each width and the social preview.</summary>
    internal static Task<List<string>> MediaOfWorkAsync(PosaXApp app, long workId) => app.WithDbAsync(async db =>
        (await db.ArtworkImages.Where(i => i.ArtworkId == workId).Select(i => new { i.Key, i.Widths }).ToListAsync())
        .SelectMany(i => i.Widths.Split(',').Select(w => $"/media/{i.Key}/{w}.webp").Append(PosaX.Web.Infrastructure.Images.ImagePipeline.OgUrl(i.Key)))
        .ToList());

    internal static async Task<HttpStatusCode> StatusAsync(AppClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        return response.StatusCode;
    }

    [Test]
    public async Task Hiding_needs_a_reason()
    {
        var (id, path, title, _) = await WorkAsync();
        var (admin, _) = await SignedInAdminAsync();
        using var _a = admin;
        var list = await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(title));
        var reply = await admin.PostAjaxAsync(RowForm(list, id, "moderation-hide"), new Dictionary<string, string> { ["reason"] = "  " });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("reason"), Is.Not.Empty);
        await NewClient().GetPageAsync(path);
    }

    [Test]
    public async Task Artists_and_anonymous_visitors_can_neither_see_nor_use_the_moderation_forms()
    {
        var (id, path, title, _) = await WorkAsync();
        var (admin, _) = await SignedInAdminAsync();
        var form = RowForm(await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(title)), id, "moderation-hide");
        admin.Dispose();

        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        await artist.GetPageAsync("/admin/oeuvres", HttpStatusCode.Forbidden);
        var artistToken = (await artist.GetPageAsync("/profil")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", artistToken);
        var byArtist = await artist.PostAjaxAsync(form, new Dictionary<string, string> { ["reason"] = "abus" });
        Assert.That(byArtist.Status, Is.EqualTo(HttpStatusCode.Forbidden));

        using var anonymous = NewClient();
        var anonymousToken = (await anonymous.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", anonymousToken);
        var byAnonymous = await anonymous.PostAjaxAsync(form, new Dictionary<string, string> { ["reason"] = "abus" });
        Assert.That(byAnonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized));

        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.HiddenAt).SingleAsync()), Is.Null);
        await anonymous.GetPageAsync(path);
    }
}
