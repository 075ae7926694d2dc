using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Profile;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Tests.Features.Artists;

/// <summary>An artist's optional city, and "membre depuis" with the number of works, on the artist page and cards.</summary>
public class ArtistCityTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Profile(string name, string city) => new()
    {
        ["name"] = name, ["bio"] = "", ["whatsapp"] = "", ["city"] = city, ["facebook"] = "", ["instagram"] = "",
    };

    private static string Word() => "Ville" + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task A_city_saved_on_the_profile_shows_on_the_artist_page_and_cards_with_member_since_and_the_number_of_works()
    {
        var word = Word();
        var name = "Njoya " + word;
        var (artist, email) = await Accounts.NewArtistAsync(App, name);
        using var _a = artist;
        using var visitor = NewClient();
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());
        // Newest works of the site: the home page shows their artists.
        await SeedArtworks.CreateAsync(App, email, $"Masque {word}", images: 0, createdAt: DateTime.UtcNow.AddDays(3));
        await SeedArtworks.CreateAsync(App, email, $"Trône {word}", images: 0, createdAt: DateTime.UtcNow.AddDays(3));
        await SeedArtworks.CreateAsync(App, email, $"Caché {word}", images: 0, hidden: true);
        // Cached before the change: the cache must follow the profile.
        await visitor.GetPageAsync("/artistes/" + slug);
        await visitor.GetPageAsync("/artistes");

        var saved = await artist.SubmitAsync("/profil", "profile-form", Profile(name, "  Foumban  "));

        Assert.That(saved.Success, Is.True, saved.Message);
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.City).SingleAsync()), Is.EqualTo("Foumban"), "trimmed");
        var createdAt = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.CreatedAt).SingleAsync());
        var since = "membre depuis " + DoualaTime.MonthYear(createdAt);
        Assert.That(since, Does.Match(@"^membre depuis [a-zéû]+ \d{4}$"), "a French month and the year");

        var facts = (await visitor.GetPageAsync("/artistes/" + slug)).QuerySelector("#artist-facts")?.TextContent;
        Assert.That(facts, Is.EqualTo($"Foumban · {since} · 2 œuvres"), "the hidden work is not counted");

        IElement Card(AngleSharp.Html.Dom.IHtmlDocument page, string list) =>
            page.QuerySelectorAll($"{list} .artist-item").FirstOrDefault(li => li.QuerySelector($"a[href='/artistes/{slug}']") is not null)
            ?? throw new AssertionException($"{name} is not in {list}.");
        foreach (var (url, list) in new[] { ("/artistes", "#artists"), ("/", "#home-artists") })
        {
            var card = Card(await visitor.GetPageAsync(url), list);
            Assert.Multiple(() =>
            {
                Assert.That(card.QuerySelector(".artist-item__name")?.TextContent.Trim(), Is.EqualTo(name), url);
                Assert.That(card.QuerySelector(".artist-item__meta")?.TextContent.Trim(), Is.EqualTo($"Foumban · {since}"), url);
                Assert.That(card.QuerySelector(".artist-item__count")?.TextContent.Trim(), Is.EqualTo("2 œuvres"), url);
            });
        }

        // The profile form shows it back; emptied, it is gone everywhere.
        var form = AppClient.Form(await artist.GetPageAsync("/profil"), "profile-form");
        Assert.That(form.QuerySelector("input[name=city]")?.GetAttribute("value"), Is.EqualTo("Foumban"));
        Assert.That((await artist.SubmitAsync("/profil", "profile-form", Profile(name, "   "))).Success, Is.True);
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.City).SingleAsync()), Is.Null);
        Assert.That((await visitor.GetPageAsync("/artistes/" + slug)).QuerySelector("#artist-facts")?.TextContent, Is.EqualTo($"{since} · 2 œuvres"));
        Assert.That(Card(await visitor.GetPageAsync("/artistes"), "#artists").QuerySelector(".artist-item__meta")?.TextContent.Trim(), Is.EqualTo(since));
    }

    [Test]
    public async Task A_city_longer_than_80_characters_is_refused_with_400_and_changes_nothing()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App, "Ville Trop Longue");
        using var _a = artist;
        Assert.That((await artist.SubmitAsync("/profil", "profile-form", Profile("Ville Trop Longue", "Douala"))).Success, Is.True);

        var tooLong = await artist.SubmitAsync("/profil", "profile-form", Profile("Ville Trop Longue", new string('a', 81)));
        var exactly80 = await artist.SubmitAsync("/profil", "profile-form", Profile("Ville Trop Longue", "  " + new string('b', 80) + "  "));

        Assert.That(tooLong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(tooLong.ErrorsFor("city"), Is.EqualTo(new[] { ProfileTexts.CityTooLong }));
        Assert.That(exactly80.Success, Is.True, "80 characters once trimmed");
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.City).SingleAsync()), Is.EqualTo(new string('b', 80)));
    }
}
