using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Features.Orders;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Catalogue;

namespace PosaX.Tests.Features.Shared;

/// <summary>
/// One URL of every public page type, on data made for the purpose: home, catalogue, a search, a
/// category, a work, an artist, the artists, each information page, contact, sign-in, sign-up, the
/// order form and an order's confirmation page.
/// </summary>
public static class PublicPageTypes
{
    public static readonly string[] InfoPages =
        ["/a-propos", "/comment-acheter", "/mentions-legales", "/conditions-generales", "/confidentialite"];

    public static async Task<IReadOnlyList<string>> CreateAsync(PosaXApp app)
    {
        var (artist, email) = await Accounts.NewArtistAsync(app, "Pages Publiques");
        artist.Dispose();
        var title = "Case obus " + Guid.NewGuid().ToString("N")[..6];
        var id = await SeedArtworks.CreateAsync(app, email, title, 210_000, category: "peinture", images: 2, imageWidth: 1200, imageHeight: 900,
            description: "Une toile **vive**, peinte à Bafoussam.", medium: "Acrylique sur toile");
        var (slug, artistSlug) = await app.WithDbAsync(async db => (
            await db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(),
            await db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync()));
        using var buyer = app.CreateBrowserClient();
        var order = await OrderRequests.PlaceAsync(buyer, id, OrderRequests.Fields(email: "acheteur-pages@exemple.cm"));
        Assert.That(order.Success, Is.True, order.Message);
        return
        [
            "/", "/oeuvres", "/oeuvres?q=case", "/oeuvres?q=introuvablexyz", "/oeuvres?categorie=peinture",
            ArtworkUrls.Page(id, slug), $"/artistes/{artistSlug}", "/artistes",
            .. InfoPages, "/contact", "/connexion", "/inscription",
            $"/oeuvres/{id}/commander", order.RedirectUrl!,
        ];
    }
}
