using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Orders.OrderRequests;

namespace PosaX.Tests.Features.Orders;

/// <summary>
/// An order's two mails, each in its reader's language (issue 18): the buyer's in the language of the page
/// they ordered on (kept on the order), the artist's in their account's; prices and links follow.
/// </summary>
public class OrderMailLanguageTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(string Email, long Id, string Slug)> ArtistWithWorkAsync(string language)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Fotso Marie");
        using var _ = client;
        if (language != "fr")
            Assert.That((await client.SubmitAsync("/profil", "profile-form",
                new Dictionary<string, string> { ["name"] = "Fotso Marie", ["language"] = language })).Success, Is.True);
        var title = "Masque " + Guid.NewGuid().ToString("N")[..6];
        var id = await SeedArtworks.CreateAsync(App, email, title, 150_000);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (email, id, slug);
    }

    [TestCase("fr", "en")]
    [TestCase("en", "fr")]
    public async Task The_buyer_reads_the_language_of_the_order_page_and_the_artist_the_language_of_their_account(string page, string artistLanguage)
    {
        var (artistEmail, id, _) = await ArtistWithWorkAsync(artistLanguage);
        var buyerEmail = NewEmail("acheteur");
        using var buyer = NewClient();
        var path = page == "en" ? $"/en/artworks/{id}/order" : $"/oeuvres/{id}/commander";

        var reply = await AppClient.ReadAjaxAsync(await PostAsync(buyer, path, Fields(email: buyerEmail)));

        Assert.That(reply.Success, Is.True, reply.Message);
        var order = await App.WithDbAsync(db => db.Orders.SingleAsync(o => o.ArtworkId == id));
        Assert.That(order.Language, Is.EqualTo(page));
        var toBuyer = await App.Mailbox.WaitForAsync(buyerEmail, order.Reference);
        var toArtist = await App.Mailbox.WaitForAsync(artistEmail, order.Reference);
        string Price(string language) => language == "en" ? "150,000\u00A0FCFA" : "150\u202F000\u00A0FCFA";
        string Prefix(string language) => PosaXApp.BaseUrl + (language == "en" ? "/en/" : "/");
        Assert.Multiple(() =>
        {
            Assert.That(toBuyer.Headers["Content-Language"], Is.EqualTo(page));
            Assert.That(toBuyer.Body, Does.Contain(Price(page)));
            Assert.That(toBuyer.Link(page == "en" ? "/en/orders/" : "/commandes/"), Does.StartWith(Prefix(page)));
            Assert.That(toArtist.Headers["Content-Language"], Is.EqualTo(artistLanguage));
            Assert.That(toArtist.Body, Does.Contain(Price(artistLanguage)));
            Assert.That(toArtist.Link(artistLanguage == "en" ? "/en/studio/orders" : "/atelier/commandes"), Does.StartWith(Prefix(artistLanguage)));
        });
    }
}
