using Bunit;
using PosaX.Web.Components;

namespace PosaX.Tests.Components;

[Category("Component")]
public class WhatsAppButtonTests
{
    [Test]
    public void Links_to_wa_me_with_digits_only_and_an_encoded_French_message()
    {
        using var context = new BunitContext();
        var button = context.Render<WhatsAppButton>(p => p
            .Add(x => x.Number, "+237677123456")
            .Add(x => x.Message, "Bonjour, l'œuvre « Forêt » à 150 000 FCFA ?"));

        var href = button.Find("a").GetAttribute("href")!;
        Assert.That(href, Does.StartWith("https://wa.me/237677123456?text="));
        var text = Uri.UnescapeDataString(href[(href.IndexOf("text=", StringComparison.Ordinal) + 5)..]);
        Assert.That(text, Is.EqualTo("Bonjour, l'œuvre « Forêt » à 150 000 FCFA ?"));
        Assert.That(href, Does.Not.Contain(" "));
    }

    [Test]
    public void Without_a_message_the_link_has_no_text_parameter_and_shows_the_default_label()
    {
        using var context = new BunitContext();
        var button = context.Render<WhatsAppButton>(p => p.Add(x => x.Number, "+237699112233"));
        Assert.That(button.Find("a").GetAttribute("href"), Is.EqualTo("https://wa.me/237699112233"));
        Assert.That(button.Find("a").TextContent.Trim(), Is.EqualTo("Écrire sur WhatsApp"));
    }
}

[Category("Component")]
public class ArtistPhotoTests
{
    [Test]
    public void A_stored_photo_gets_a_srcset_of_webp_widths_and_fixed_dimensions()
    {
        using var context = new BunitContext();
        var photo = context.Render<ArtistPhoto>(p => p
            .Add(x => x.PhotoKey, "p/2026/abcdef")
            .Add(x => x.Alt, "Photo de Ngono Béatrice")
            .Add(x => x.Size, 160));

        var img = photo.Find("img");
        Assert.Multiple(() =>
        {
            Assert.That(img.GetAttribute("src"), Is.EqualTo("/media/p/2026/abcdef/240.webp"));
            Assert.That(img.GetAttribute("srcset"), Is.EqualTo("/media/p/2026/abcdef/96.webp 96w, /media/p/2026/abcdef/240.webp 240w, /media/p/2026/abcdef/480.webp 480w"));
            Assert.That(img.GetAttribute("sizes"), Is.EqualTo("160px"));
            Assert.That(img.GetAttribute("width"), Is.EqualTo("160"));
            Assert.That(img.GetAttribute("height"), Is.EqualTo("160"));
            Assert.That(img.GetAttribute("alt"), Is.EqualTo("Photo de Ngono Béatrice"));
        });
    }

    [Test]
    public void Without_a_photo_the_neutral_avatar_is_shown()
    {
        using var context = new BunitContext();
        var photo = context.Render<ArtistPhoto>(p => p.Add(x => x.PhotoKey, null).Add(x => x.Alt, ""));
        Assert.That(photo.Find("img").GetAttribute("src"), Is.EqualTo("/img/avatar.svg"));
        Assert.That(photo.Find("img").HasAttribute("srcset"), Is.False);
    }
}
