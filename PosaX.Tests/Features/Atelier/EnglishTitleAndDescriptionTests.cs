using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Atelier;

/// <summary>
/// Artists' own words stay as written (issue 18): the work form offers an optional English title and
/// description; English pages show them, otherwise the French text marked lang="fr"; French pages never change.
/// </summary>
public class EnglishTitleAndDescriptionTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Fields(string title, string titleEn = "", string descriptionEn = "") => new()
    {
        ["title"] = title, ["price"] = "150000", ["category"] = "peinture", ["heightCm"] = "60", ["widthCm"] = "80",
        ["depthCm"] = "", ["year"] = "2024", ["status"] = "disponible", ["description"] = "Acrylique et pigments, **Yaoundé**.",
        ["medium"] = "Acrylique sur toile", ["titleEn"] = titleEn, ["descriptionEn"] = descriptionEn,
    };

    private static Upload Photo() => new("images", "oeuvre.jpg", ImageFixtures.Jpeg(900, 700, 3), "image/jpeg");

    private Task<Artwork?> FindAsync(string title) => App.WithDbAsync(db => db.Artworks.FirstOrDefaultAsync(a => a.Title == title));

    [Test]
    public async Task The_form_has_the_two_optional_English_fields_and_English_pages_show_what_they_hold()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var form = AppClient.Form(await client.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form");
        Assert.That(form.QuerySelector("label[for=artwork-title-en]")?.TextContent, Is.EqualTo("Titre en anglais (facultatif)"));
        Assert.That(form.QuerySelector("label[for=artwork-description-en]")?.TextContent, Is.EqualTo("Description en anglais (facultatif)"));
        Assert.That(form.QuerySelector("input[name=titleEn]")?.HasAttribute("required"), Is.False);
        var title = "Forêt d’ébène " + Guid.NewGuid().ToString("N")[..6];

        var reply = await client.PostAjaxAsync(form, Fields(title, titleEn: "  Ebony forest  ", descriptionEn: "Acrylic and pigments, **Yaoundé**."), Photo());

        Assert.That(reply.Success, Is.True, reply.Message);
        var work = (await FindAsync(title))!;
        Assert.Multiple(() =>
        {
            Assert.That(work.TitleEn, Is.EqualTo("Ebony forest"), "trimmed");
            Assert.That(work.DescriptionEn, Is.EqualTo("Acrylic and pigments, **Yaoundé**."));
            Assert.That(work.SearchText, Does.Contain("ebony forest"), "the English title is searched too");
        });
        var edit = AppClient.Form(await client.GetPageAsync($"/atelier/oeuvres/{work.Id}/modifier"), "artwork-form");
        Assert.That(edit.QuerySelector("input[name=titleEn]")?.GetAttribute("value"), Is.EqualTo("Ebony forest"));
        Assert.That(edit.QuerySelector("textarea[name=descriptionEn]")?.TextContent, Is.EqualTo("Acrylic and pigments, **Yaoundé**."));

        using var visitor = NewClient();
        var french = await visitor.GetPageAsync($"/oeuvres/{work.Id}/{work.Slug}");
        var english = await visitor.GetPageAsync($"/en/artworks/{work.Id}/{work.Slug}");
        Assert.Multiple(() =>
        {
            Assert.That(french.QuerySelector("h1")!.TextContent, Is.EqualTo(title));
            Assert.That(french.QuerySelector("h1")!.HasAttribute("lang"), Is.False);
            Assert.That(french.QuerySelector("#work-description")!.TextContent.Trim(), Is.EqualTo("Acrylique et pigments, Yaoundé."));
            Assert.That(english.QuerySelector("h1")!.TextContent, Is.EqualTo("Ebony forest"));
            Assert.That(english.QuerySelector("h1")!.HasAttribute("lang"), Is.False);
            Assert.That(english.QuerySelector("#work-description strong")?.TextContent, Is.EqualTo("Yaoundé"), "Markdown, as the French one");
            Assert.That(english.QuerySelector("#work-description")!.TextContent.Trim(), Is.EqualTo("Acrylic and pigments, Yaoundé."));
            Assert.That(english.QuerySelector("#work-description")!.HasAttribute("lang"), Is.False);
            Assert.That(english.Title, Does.StartWith("Ebony forest"));
        });

        // The catalogue's cards (ArtworkSearch) too: the English title on English pages, not the French one marked lang=fr.
        var card = (await visitor.GetPageAsync($"/en/artworks?q={Uri.EscapeDataString(title)}"))
            .QuerySelectorAll(".artwork-card").Single(c => c.QuerySelector("a")!.GetAttribute("href")!.Contains($"/{work.Id}/"));
        Assert.That(card.QuerySelector(".artwork-card__title")!.TextContent.Trim(), Is.EqualTo("Ebony forest"));
        Assert.That(card.QuerySelector(".artwork-card__title")!.HasAttribute("lang"), Is.False);
    }

    [Test]
    public async Task Without_English_text_English_pages_and_cards_show_the_French_text_marked_lang_fr()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var title = "Masque " + Guid.NewGuid().ToString("N")[..6];
        Assert.That((await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title), Photo())).Success, Is.True);
        var work = (await FindAsync(title))!;
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());

        using var visitor = NewClient();
        var english = await visitor.GetPageAsync($"/en/artworks/{work.Id}/{work.Slug}");
        var artist = await visitor.GetPageAsync($"/en/artists/{slug}");
        var frenchArtist = await visitor.GetPageAsync($"/artistes/{slug}");
        Assert.Multiple(() =>
        {
            Assert.That(english.QuerySelector("h1")!.TextContent, Is.EqualTo(title));
            Assert.That(english.QuerySelector("h1")!.GetAttribute("lang"), Is.EqualTo("fr"));
            Assert.That(english.QuerySelector("#work-description")!.GetAttribute("lang"), Is.EqualTo("fr"));
            Assert.That(english.QuerySelector(".breadcrumb [aria-current=page]")!.GetAttribute("lang"), Is.EqualTo("fr"));
            var card = artist.QuerySelectorAll(".artwork-card__title").Single(t => t.TextContent == title);
            Assert.That(card.GetAttribute("lang"), Is.EqualTo("fr"), "the card's title too");
            Assert.That(frenchArtist.QuerySelectorAll(".artwork-card__title").Single(t => t.TextContent == title).HasAttribute("lang"), Is.False);
        });
    }

    [TestCase("titleEn", 121)]
    [TestCase("descriptionEn", 5001)]
    public async Task English_text_longer_than_the_French_limits_is_a_field_error_and_nothing_is_written(string field, int length)
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var title = "Trop long " + Guid.NewGuid().ToString("N")[..6];
        var fields = Fields(title);
        fields[field] = new string('a', length);

        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", fields, Photo());

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Errors.Keys, Is.EquivalentTo(new[] { field }));
        Assert.That(await FindAsync(title), Is.Null);
    }
}
