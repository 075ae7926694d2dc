using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Infrastructure.Images;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Admin;

public class SuspendArtistsTests(DatabaseProvider provider) : AppTest(provider)
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

    private sealed record ArtistWithWork(AppClient Client, string Email, Guid Id, string Slug, long WorkId, string WorkPath, string Title);

    private async Task<ArtistWithWork> ArtistWithWorkAsync()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        var title = "Suspendue " + Guid.NewGuid().ToString("N")[..8];
        var workId = await SeedArtworks.CreateAsync(App, email, title);
        var (id, slug, workSlug) = await App.WithDbAsync(async db =>
        {
            var artist = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.Slug }).SingleAsync();
            var work = await db.Artworks.Where(a => a.Id == workId).Select(a => a.Slug).SingleAsync();
            return (artist.Id, artist.Slug, work);
        });
        return new ArtistWithWork(client, email, id, slug, workId, $"/oeuvres/{workId}/{workSlug}", title);
    }

    /// <summary>Gives the artist a profile photo (through the pipeline, as the profile page does): its URL.</summary>
    private async Task<string> ProfilePhotoAsync(Guid artistId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<ImagePipeline>();
        var db = scope.ServiceProvider.GetRequiredService<PosaX.Web.Data.PosaXDbContext>();
        using var picture = new MemoryStream(DemoImages.Generate(7, 400, 400));
        var stored = await pipeline.ProcessAsync(picture, ImageKind.ProfilePhoto);
        var user = await db.Users.SingleAsync(u => u.Id == artistId);
        user.PhotoKey = stored.Image!.Key;
        await db.SaveChangesAsync();
        return ImagePipeline.Url(stored.Image.Key, stored.Image.Widths.First());
    }

    private static IHtmlFormElement RowForm(IHtmlDocument page, Guid id, string cssClass) =>
        page.QuerySelector($"[data-artist-id='{id}'] form.{cssClass}") as IHtmlFormElement
        ?? throw new AssertionException($"No form.{cssClass} for artist {id}.");

    private static Task<string> SitemapAsync(AppClient client) => Seo.ArtistSitemaps.AllTextAsync(client);

    [Test]
    public async Task Suspending_ends_every_session_refuses_logins_takes_the_artist_off_the_site_and_reactivating_brings_them_back()
    {
        var artist = await ArtistWithWorkAsync();
        using var _c = artist.Client;
        using var secondBrowser = NewClient();
        Assert.That((await secondBrowser.LoginAsync(artist.Email, Accounts.Password)).Success, Is.True);
        using var visitor = NewClient();
        // Cached for anonymous visitors before the suspension: eviction must reach them.
        await visitor.GetPageAsync("/artistes/" + artist.Slug);
        await visitor.GetPageAsync(artist.WorkPath);
        Assert.That(await SitemapAsync(visitor), Does.Contain("/artistes/" + artist.Slug));
        var pictures = await HideWorksTests.MediaOfWorkAsync(App, artist.WorkId);
        pictures.Add(await ProfilePhotoAsync(artist.Id));
        foreach (var picture in pictures) Assert.That(await HideWorksTests.StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.OK), picture);

        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _a = admin;
        var list = await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(artist.Email));
        Assert.That(list.QuerySelector($"[data-artist-id='{artist.Id}']")!.TextContent, Does.Contain(artist.Email));
        var suspended = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"),
            new Dictionary<string, string> { ["reason"] = "Œuvres copiées d'un autre artiste" });
        Assert.That(suspended.Success, Is.True, suspended.Message);

        foreach (var browser in new[] { artist.Client, secondBrowser })
        {
            using var next = await browser.Http.GetAsync("/profil");
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(next.Headers.Location!.OriginalString, Does.Contain("/connexion"));
        }
        using var again = NewClient();
        var login = await again.LoginAsync(artist.Email, Accounts.Password);
        Assert.That(login.Success, Is.False);
        Assert.That(login.Message, Is.EqualTo(AuthTexts.Suspended));
        using var refused = await again.Http.GetAsync("/profil");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session was opened");

        await visitor.GetPageAsync("/artistes/" + artist.Slug, HttpStatusCode.NotFound);
        await visitor.GetPageAsync(artist.WorkPath, HttpStatusCode.NotFound);
        await visitor.GetPageAsync($"/oeuvres/{artist.WorkId}/commander", HttpStatusCode.NotFound);
        foreach (var picture in pictures)
            Assert.That(await HideWorksTests.StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.NotFound), $"{picture} at once");
        var search = await visitor.GetPageAsync("/oeuvres?q=" + Uri.EscapeDataString(artist.Title));
        Assert.That(search.QuerySelectorAll(".artwork-card").Count(c => c.TextContent.Contains(artist.Title)), Is.Zero);
        Assert.That(await SitemapAsync(visitor), Does.Not.Contain("/artistes/" + artist.Slug));
        var mail = await App.Mailbox.WaitForAsync(artist.Email, "suspendu");
        Assert.That(mail.Body, Does.Contain("Œuvres copiées d'un autre artiste"));
        var entry = await App.WithDbAsync(db => db.AdminLog.Where(e => e.Action == "artist.suspend" && e.Target.Contains(artist.Email)).SingleAsync());
        Assert.That((entry.AdminEmail, entry.Reason), Is.EqualTo((adminEmail, "Œuvres copiées d'un autre artiste")));

        var suspendedList = await admin.GetPageAsync("/admin/artistes?etat=suspendus&q=" + Uri.EscapeDataString(artist.Email));
        var reactivated = await admin.PostAjaxAsync(RowForm(suspendedList, artist.Id, "moderation-reactivate"), new Dictionary<string, string>());
        Assert.That(reactivated.Success, Is.True, reactivated.Message);
        await visitor.GetPageAsync("/artistes/" + artist.Slug);
        await visitor.GetPageAsync(artist.WorkPath);
        foreach (var picture in pictures)
            Assert.That(await HideWorksTests.StatusAsync(visitor, picture), Is.EqualTo(HttpStatusCode.OK), $"{picture} back at once");
        Assert.That((await again.LoginAsync(artist.Email, Accounts.Password)).Success, Is.True);
        await again.GetPageAsync("/profil");
        await App.Mailbox.WaitForAsync(artist.Email, "réactivé");
        Assert.That(await App.WithDbAsync(db => db.AdminLog.CountAsync(e => e.Action == "artist.reactivate" && e.Target.Contains(artist.Email))), Is.EqualTo(1));
    }

    [Test]
    public async Task Suspending_needs_a_reason_and_never_applies_to_an_admin()
    {
        var artist = await ArtistWithWorkAsync();
        using var _c = artist.Client;
        var (admin, adminEmail) = await SignedInAdminAsync();
        using var _a = admin;
        var list = await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(artist.Email));

        var noReason = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"), new Dictionary<string, string> { ["reason"] = " " });
        Assert.That(noReason.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noReason.ErrorsFor("reason"), Is.Not.Empty);
        var tooLong = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"), new Dictionary<string, string> { ["reason"] = new string('x', 501) });
        Assert.That(tooLong.ErrorsFor("reason"), Is.Not.Empty);
        var unknown = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"),
            new Dictionary<string, string> { ["id"] = Guid.NewGuid().ToString(), ["reason"] = "abus" });
        Assert.That((unknown.Status, unknown.ErrorsFor("id").Length), Is.EqualTo((HttpStatusCode.BadRequest, 1)));
        var notAGuid = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"),
            new Dictionary<string, string> { ["id"] = "1 OR 1=1", ["reason"] = "abus" });
        Assert.That(notAGuid.Status, Is.EqualTo(HttpStatusCode.BadRequest));

        // The admin's own row has no suspend form; a forged post is refused.
        var adminId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == adminEmail).Select(u => u.Id).SingleAsync());
        var adminRow = await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(adminEmail));
        Assert.That(adminRow.QuerySelector($"[data-artist-id='{adminId}'] form.moderation-suspend"), Is.Null);
        var forged = await admin.PostAjaxAsync(RowForm(list, artist.Id, "moderation-suspend"),
            new Dictionary<string, string> { ["id"] = adminId.ToString(), ["reason"] = "abus" });
        Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest));

        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => (u.Id == artist.Id || u.Id == adminId) && u.SuspendedAt != null)), Is.Zero);
        await artist.Client.GetPageAsync("/profil");
    }

    [Test]
    public async Task Artists_and_anonymous_visitors_can_neither_see_nor_use_the_suspend_and_reactivate_forms()
    {
        var target = await ArtistWithWorkAsync();
        using var _t = target.Client;
        var (admin, _) = await SignedInAdminAsync();
        var suspendForm = RowForm(await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(target.Email)), target.Id, "moderation-suspend");
        // A second target, suspended, for the reactivate form.
        var other = await ArtistWithWorkAsync();
        other.Client.Dispose();
        var otherList = await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(other.Email));
        Assert.That((await admin.PostAjaxAsync(RowForm(otherList, other.Id, "moderation-suspend"), new Dictionary<string, string> { ["reason"] = "test" })).Success, Is.True);
        var reactivateForm = RowForm(await admin.GetPageAsync("/admin/artistes?etat=suspendus&q=" + Uri.EscapeDataString(other.Email)), other.Id, "moderation-reactivate");
        admin.Dispose();

        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _ar = artist;
        await artist.GetPageAsync("/admin/artistes", HttpStatusCode.Forbidden);
        var artistToken = (await artist.GetPageAsync("/profil")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var anonymous = NewClient();
        var anonymousToken = (await anonymous.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var form in new[] { suspendForm, reactivateForm })
        {
            var fields = form == suspendForm ? new Dictionary<string, string> { ["reason"] = "abus" } : new Dictionary<string, string>();
            form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", artistToken);
            var byArtist = await artist.PostAjaxAsync(form, fields);
            Assert.That(byArtist.Status, Is.EqualTo(HttpStatusCode.Forbidden), form.ClassName);
            form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", anonymousToken);
            var byAnonymous = await anonymous.PostAjaxAsync(form, fields);
            Assert.That(byAnonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized), form.ClassName);
        }

        var states = await App.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id || u.Id == other.Id)
            .ToDictionaryAsync(u => u.Id, u => u.SuspendedAt != null));
        Assert.That((states[target.Id], states[other.Id]), Is.EqualTo((false, true)));
        await target.Client.GetPageAsync("/profil");
    }

    [Test]
    public async Task A_suspended_artist_cannot_open_a_session_through_an_activation_link()
    {
        // Registered, not yet activated, suspended by an admin (spam account): the link still
        // confirms the address but opens no session.
        using var client = NewClient();
        var email = NewEmail("spam");
        var register = await client.RegisterAsync(email);
        Assert.That(register.Success, Is.True, register.Message);
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.SuspendedAt = DateTime.UtcNow;
            user.SuspendedReason = "spam";
            await db.SaveChangesAsync();
            return 0;
        });
        using var activation = await client.ActivateAsync(App, email);
        Assert.That(activation.Headers.Location?.OriginalString, Is.EqualTo("/connexion"));
        using var profile = await client.Http.GetAsync("/profil");
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }
}
