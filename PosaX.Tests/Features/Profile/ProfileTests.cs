using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Profile;

public class ProfileTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Profile(string name = "Ngono Béatrice", string bio = "", string whatsapp = "",
        string facebook = "", string instagram = "") => new()
    {
        ["name"] = name, ["bio"] = bio, ["whatsapp"] = whatsapp, ["facebook"] = facebook, ["instagram"] = instagram,
    };

    [Test]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_with_a_return_url()
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync("/profil");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.EndWith("/connexion?ReturnUrl=%2Fprofil"));
    }

    [Test]
    public async Task An_anonymous_post_changes_nothing()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        var page = await artist.GetPageAsync("/profil");
        var form = AppClient.Form(page, "profile-form");
        var logout = await artist.PostAjaxAsync(AppClient.Form(page, "logout-form"), new Dictionary<string, string>());
        Assert.That(logout.Success, Is.True);

        using var response = await artist.PostPlainAsync(form, Profile(name: "Pirate"));

        Assert.That((int)response.StatusCode, Is.AnyOf(302, 400), "sent to login, or refused for a stale token");
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()),
            Is.EqualTo("Ngono Béatrice"));
    }

    [Test]
    public async Task Should_edit_the_profile_and_show_it_on_the_public_page()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Essomba Jean");
        using var _ = client;

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(
            name: "Jean Essomba", bio: "Sculpteur à **Yaoundé**.\n\n- bronze\n- ébène",
            whatsapp: "+237 699 11 22 33", facebook: "facebook.com/jean.essomba", instagram: "@jean_sculpte"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Message);
        Assert.That(reply.Success, Is.True);
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());
        var profile = await client.GetPageAsync("/profil");
        Assert.That(profile.GetElementById("public-page-link")?.GetAttribute("href"), Is.EqualTo("/artistes/" + slug));

        using var visitor = NewClient();
        var page = await visitor.GetPageAsync("/artistes/" + slug);
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("h1").Single().TextContent, Is.EqualTo("Jean Essomba"));
            Assert.That(page.QuerySelector(".bio strong")?.TextContent, Is.EqualTo("Yaoundé"));
            Assert.That(page.QuerySelectorAll(".bio li").Length, Is.EqualTo(2));
            Assert.That(page.QuerySelector("a[data-whatsapp]")?.GetAttribute("href"), Does.StartWith("https://wa.me/237699112233?text="));
            Assert.That(page.QuerySelector("a[href='https://www.facebook.com/jean.essomba']"), Is.Not.Null);
            Assert.That(page.QuerySelector("a[href='https://www.instagram.com/jean_sculpte']"), Is.Not.Null);
            Assert.That(page.QuerySelector("meta[name=description]")?.GetAttribute("content"), Does.Contain("Jean Essomba"));
        });
    }

    [Test]
    public async Task Renaming_the_artist_makes_their_works_findable_by_the_new_name()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Ancien Nom");
        using var _ = client;
        var id = await SeedArtworks.CreateAsync(App, email, "Masque bamiléké " + Guid.NewGuid().ToString("N")[..6]);

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(name: "Éloïse Nkoulou"));

        Assert.That(reply.Success, Is.True);
        var searchText = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.SearchText).SingleAsync());
        Assert.That(searchText, Does.Contain("eloise nkoulou").And.Not.Contain("ancien nom"));
    }

    [Test]
    public async Task The_bio_is_sanitised_no_raw_html_no_javascript_or_data_links()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var bio = "<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[clic](javascript:alert(3)) [data](data:text/html,<b>x</b>) [ok](https://exemple.cm)";

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(bio: bio));
        Assert.That(reply.Success, Is.True);

        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());
        var page = await NewClient().GetPageAsync("/artistes/" + slug);
        var html = page.QuerySelector(".bio")!.InnerHtml;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll(".bio script, .bio img, .bio [onerror]").Length, Is.Zero, html);
            Assert.That(html, Does.Not.Contain("javascript:"));
            Assert.That(html, Does.Not.Contain("data:text"));
            Assert.That(page.QuerySelector(".bio a[href='https://exemple.cm']")?.GetAttribute("rel"), Does.Contain("nofollow"));
        });
    }

    [TestCase("name", "", "name")]
    [TestCase("whatsapp", "0000", "whatsapp")]
    [TestCase("facebook", "https://evil.example/jean", "facebook")]
    [TestCase("facebook", "javascript:alert(1)", "facebook")]
    [TestCase("instagram", "https://facebook.com/jean", "instagram")]
    public async Task Bad_input_gets_400_with_the_field_error_and_changes_nothing(string field, string value, string errorKey)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Nom Initial");
        using var _ = client;
        var fields = Profile(name: "Nom Changé");
        fields[field] = value;

        var reply = await client.SubmitAsync("/profil", "profile-form", fields);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor(errorKey), Is.Not.Empty);
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()),
            Is.EqualTo("Nom Initial"));
    }

    [Test]
    public async Task A_bio_over_4000_characters_is_refused()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(bio: new string('a', 4001)));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("bio"), Is.Not.Empty);
    }

    [Test]
    public async Task A_photo_is_re_encoded_to_webp_without_metadata_and_served_from_media()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var photo = ImageFixtures.JpegWithGpsAndOrientation6(900, 600);

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(),
            new Upload("photo", "moi.jpg", photo, "image/jpeg"));

        Assert.That(reply.Success, Is.True, reply.Message);
        var key = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PhotoKey).SingleAsync());
        Assert.That(key, Is.Not.Null);
        using var media = await client.Http.GetAsync($"/media/{key}/240.webp");
        Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(media.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
        Assert.That(media.Headers.CacheControl?.MaxAge, Is.GreaterThanOrEqualTo(TimeSpan.FromDays(365)));
        Assert.That(media.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
        var bytes = await media.Content.ReadAsByteArrayAsync();
        using var decoded = NetVips.Image.NewFromBuffer(bytes);
        Assert.That(decoded.GetFields(), Has.None.StartsWith("exif"));
        Assert.That(decoded.GetFields(), Has.None.StartsWith("xmp"));

        // A new photo replaces the old one: the old files are gone.
        var second = await client.SubmitAsync("/profil", "profile-form", Profile(),
            new Upload("photo", "moi2.png", ImageFixtures.Png(500, 500), "image/png"));
        Assert.That(second.Success, Is.True);
        Assert.That(Directory.Exists(Path.Combine(App.MediaDirectory, key!)), Is.False);
    }

    [Test]
    public async Task A_file_that_is_not_an_image_gets_400_and_leaves_no_file()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var before = App.MediaFiles();

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(),
            new Upload("photo", "photo.jpg", "<svg onload=alert(1)></svg>"u8.ToArray(), "image/jpeg"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("photo"), Is.Not.Empty);
        Assert.That(App.MediaFiles(), Is.EquivalentTo(before));
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PhotoKey).SingleAsync()), Is.Null);
    }

    [Test]
    public async Task A_photo_over_10_MB_gets_413_and_leaves_no_file()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var before = App.MediaFiles();
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        ImageFixtures.Jpeg(64, 64).CopyTo(tooBig, 0);

        var reply = await client.SubmitAsync("/profil", "profile-form", Profile(), new Upload("photo", "grande.jpg", tooBig, "image/jpeg"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(reply.ErrorsFor("photo"), Is.Not.Empty);
        Assert.That(App.MediaFiles(), Is.EquivalentTo(before));
    }

    [Test]
    public async Task A_body_over_the_server_limit_gets_413_not_500()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var page = await client.GetPageAsync("/profil");
        var token = page.QuerySelector("#profile-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent("Nom"), "name" }, { new ByteArrayContent(new byte[40 * 1024 * 1024]), "photo", "énorme.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/profil") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        // The server answers before the body is sent; without 100-continue the client would still be uploading.
        request.Headers.ExpectContinue = true;

        using var response = await client.Http.SendAsync(request);

        var reply = await AppClient.ReadAjaxAsync(response);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), reply.Message);
        Assert.That(reply.Success, Is.False);
    }

    [Test]
    public async Task Registering_with_a_photo_stores_it()
    {
        using var client = NewClient();
        var email = NewEmail();
        var reply = await client.RegisterAsync(email, "Avec Photo", new Upload("photo", "moi.webp", ImageFixtures.WebP(600, 400), "image/webp"));
        Assert.That(reply.Success, Is.True, reply.Message);
        var key = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PhotoKey).SingleAsync());
        Assert.That(File.Exists(Path.Combine(App.MediaDirectory, key!, "96.webp")), Is.True);
    }

    [Test]
    public async Task An_unknown_or_unactivated_artist_has_no_public_page()
    {
        using var client = NewClient();
        await client.GetPageAsync("/artistes/personne-de-ce-nom", HttpStatusCode.NotFound);

        var email = NewEmail();
        Assert.That((await client.RegisterAsync(email, "Pas Encore Actif")).Success, Is.True);
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());
        await client.GetPageAsync("/artistes/" + slug, HttpStatusCode.NotFound);
    }

}
