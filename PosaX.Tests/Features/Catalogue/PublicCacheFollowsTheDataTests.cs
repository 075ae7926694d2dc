using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// The public cache follows the data: a commit that changes what the public sees evicts the pages
/// that show it, whoever made the change — no handler evicts by hand. The other kinds of change
/// (atelier edits, new and deleted works, profile, order statuses, hiding, suspension, categories)
/// are proved in their features' tests; here are the account activations and changes made through
/// the app's context by code that is no handler at all.
/// </summary>
public class PublicCacheFollowsTheDataTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<bool> ListedAsync(AppClient visitor, string name) =>
        (await visitor.GetPageAsync("/artistes")).Body!.TextContent.Contains(name);

    [Test]
    public async Task Activating_by_the_mailed_link_lists_the_artist_at_once()
    {
        var name = "Activée " + Capitalised(Word());
        using var visitor = NewClient();
        using var artist = NewClient();
        var email = NewEmail();
        Assert.That((await artist.RegisterAsync(email, name)).Success, Is.True);
        await GiveAWorkAsync(email);
        Assert.That(await ListedAsync(visitor, name), Is.False, "not public before activation");

        using var activation = await artist.ActivateAsync(App, email);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ListedAsync(visitor, name), Is.True, "the cached listing was evicted");
    }

    [Test]
    public async Task Activating_through_a_password_reset_lists_the_artist_at_once()
    {
        var name = "Réinitialisée " + Capitalised(Word());
        using var visitor = NewClient();
        using var artist = NewClient();
        var email = NewEmail();
        Assert.That((await artist.RegisterAsync(email, name)).Success, Is.True);
        await GiveAWorkAsync(email);
        Assert.That(await ListedAsync(visitor, name), Is.False, "not public before activation");

        // The activation mail is never opened: a reset link for the account (as a reset mail
        // carries it) proves the mailbox instead, and the reset page activates the account.
        var resetLink = await App.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<Artist>>();
            var user = await users.FindByEmailAsync(email) ?? throw new AssertionException("no such account");
            return $"/reinitialisation?userId={user.Id}&code={AccountMails.EncodeToken(await users.GeneratePasswordResetTokenAsync(user))}";
        });
        const string password = "une phrase de passe toute neuve";
        var reset = await artist.SubmitAsync(resetLink, "reset-form",
            new Dictionary<string, string> { ["password"] = password, ["confirmPassword"] = password });
        Assert.That(reset.Success, Is.True, reset.Message);
        Assert.That(await ListedAsync(visitor, name), Is.True, "the cached listing was evicted");
    }

    [Test]
    public async Task A_work_hidden_through_the_apps_context_by_code_that_is_no_handler_answers_404_at_once()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var title = "Contexte " + Word();
        var id = await SeedArtworks.CreateAsync(App, email, title);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        using var visitor = NewClient();
        await visitor.GetPageAsync($"/oeuvres/{id}/{slug}"); // cached now

        await App.WithDbAsync(async db =>
        {
            var work = await db.Artworks.SingleAsync(a => a.Id == id);
            work.HiddenAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        using var gone = await visitor.Http.GetAsync($"/oeuvres/{id}/{slug}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_photo_removed_without_touching_its_work_leaves_the_artist_page_at_once()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App, "Photo " + Capitalised(Word()));
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Couverture " + Word());
        var (artistSlug, key) = await App.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync(),
            await db.ArtworkImages.Where(i => i.ArtworkId == id).Select(i => i.Key).SingleAsync()));
        using var visitor = NewClient();
        Assert.That((await visitor.GetPageAsync($"/artistes/{artistSlug}")).Body!.InnerHtml, Does.Contain(key), "cached with its cover");

        // Only the image row changes: the eviction must find the work's artist by itself.
        await App.WithDbAsync(async db =>
        {
            db.ArtworkImages.Remove(await db.ArtworkImages.SingleAsync(i => i.ArtworkId == id));
            return await db.SaveChangesAsync();
        });
        Assert.That((await visitor.GetPageAsync($"/artistes/{artistSlug}")).Body!.InnerHtml, Does.Not.Contain(key));
    }

    /// <summary>
    /// A work puts the artist among the newest on /artistes once activated: the shared app holds
    /// more artists than the list's cap, and those without a work come last, by name.
    /// </summary>
    private Task GiveAWorkAsync(string email) => SeedArtworks.CreateAsync(App, email, "Première " + Word());

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
