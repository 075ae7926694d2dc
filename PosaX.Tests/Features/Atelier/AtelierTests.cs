using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Atelier;

public class AtelierTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Fields(string title = "Forêt d'ébène", string price = "150000", string category = "peinture",
        string height = "60", string width = "80", string depth = "", string year = "2024", string status = "disponible",
        string description = "Acrylique et pigments, **Yaoundé**.", string medium = "Acrylique sur toile") => new()
    {
        ["title"] = title, ["price"] = price, ["category"] = category, ["heightCm"] = height, ["widthCm"] = width,
        ["depthCm"] = depth, ["year"] = year, ["status"] = status, ["description"] = description, ["medium"] = medium,
    };

    private static Upload Photo(int seed = 1, string name = "oeuvre.jpg") => new("images", name, ImageFixtures.Jpeg(900, 700, seed), "image/jpeg");

    private Task<Artwork?> FindAsync(string title) =>
        App.WithDbAsync(db => db.Artworks.Include(a => a.Images).Include(a => a.Category).FirstOrDefaultAsync(a => a.Title == title));


    private async Task<(AppClient Client, long Id, string Title)> PublishAsync(int photos = 2)
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        var title = "Œuvre " + Guid.NewGuid().ToString("N")[..8];
        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: title),
            Enumerable.Range(1, photos).Select(i => Photo(i, $"photo{i}.jpg")).ToArray());
        Assert.That(reply.Success, Is.True, reply.Message);
        var id = (await FindAsync(title))!.Id;
        return (client, id, title);
    }

    [Test]
    public async Task Should_publish_a_work_with_two_photos()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Ngono Béatrice");
        using var _ = client;
        var form = AppClient.Form(await client.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form");
        Assert.That(form.QuerySelector("select[name=category] option[value=perlage]"), Is.Not.Null, "categories in a select");
        var title = "Forêt d'ébène " + Guid.NewGuid().ToString("N")[..6];

        var reply = await client.PostAjaxAsync(form, Fields(title: title, price: "150 000", height: "120", width: "80,5"), Photo(1), Photo(2));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Message);
        var work = (await FindAsync(title))!;
        Assert.That(reply.RedirectUrl, Is.EqualTo($"/atelier/oeuvres?publiee={work.Id}"), "the list opens on the new work's notice");
        var artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(work.ArtistId, Is.EqualTo(artistId));
            Assert.That(work.Price, Is.EqualTo(150_000));
            Assert.That(work.Category.Slug, Is.EqualTo("peinture"));
            Assert.That(work.HeightCm, Is.EqualTo(120));
            Assert.That(work.WidthCm, Is.EqualTo(80.5));
            Assert.That(work.Orientation, Is.EqualTo(Orientation.Portrait));
            Assert.That(work.SizeClass, Is.EqualTo(SizeClass.L));
            Assert.That(work.Status, Is.EqualTo(ArtworkStatus.Available));
            Assert.That(work.Slug, Does.StartWith("foret-d-ebene"));
            Assert.That(work.SearchText, Does.Contain("foret d ebene").And.Contain("ngono beatrice").And.Contain("yaounde"));
            Assert.That(work.Images.OrderBy(i => i.Position).Select(i => i.Position), Is.EqualTo(new[] { 0, 1 }));
        });
        foreach (var image in work.Images)
            Assert.That(File.Exists(Path.Combine(App.MediaDirectory, image.Key, "320.webp")), Is.True);

        var list = await client.GetPageAsync(reply.RedirectUrl!);
        var notice = list.QuerySelector("#published-notice")!;
        Assert.That(notice.TextContent, Does.Contain("Œuvre publiée").And.Contain(title));
        Assert.That(notice.QuerySelector($"a[href='/oeuvres/{work.Id}/{work.Slug}']")?.TextContent, Is.EqualTo("Voir la page"));
        var share = new Uri(notice.QuerySelector("a[href^='https://wa.me/?text=']")!.GetAttribute("href")!);
        Assert.That(Uri.UnescapeDataString(share.Query), Does.Contain(title).And.Contain("150\u00A0000\u00A0FCFA")
            .And.Contain($"https://posax.test/oeuvres/{work.Id}/{work.Slug}"), "title, price and the absolute URL");
        var row = list.QuerySelector($"[data-artwork-id='{work.Id}']");
        Assert.That(row, Is.Not.Null);
        Assert.That(row!.QuerySelector($"a[href='/atelier/oeuvres/{work.Id}/modifier']"), Is.Not.Null);
        Assert.That(row.QuerySelector($"a[href='/oeuvres/{work.Id}/{work.Slug}']"), Is.Not.Null, "each row links its public page");
        Assert.That(row.QuerySelector("[data-status]")!.TextContent, Is.EqualTo("Disponible"));
    }

    [Test]
    public async Task Should_edit_remove_and_reorder_photos_and_delete_the_work()
    {
        var (client, id, title) = await PublishAsync(photos: 3);
        using var _ = client;
        var before = (await FindAsync(title))!.Images.OrderBy(i => i.Position).ToList();
        var page = await client.GetPageAsync($"/atelier/oeuvres/{id}/modifier");
        var form = AppClient.Form(page, "artwork-form");
        Assert.That(form.QuerySelectorAll("input[name=imageOrder]").Select(i => i.GetAttribute("value")),
            Is.EqualTo(before.Select(i => i.Id.ToString())));

        // Third picture first, first one removed, one new picture added, sold. (In the page, the
        // script moves the hidden imageOrder inputs with their pictures; here they are rewritten.)
        foreach (var hidden in form.QuerySelectorAll("input[name=imageOrder]").ToList()) hidden.Remove();
        var fields = Fields(title: title, price: "200000", status: "vendue");
        var reply = await client.PostAjaxAsync(form, fields
            .Append(new("!imageOrder", before[2].Id.ToString())).Append(new("!imageOrder", before[1].Id.ToString()))
            .Append(new("!imageOrder", before[0].Id.ToString())).Append(new("!removeImages", before[0].Id.ToString()))
            .ToLookupDictionary(), Photo(9));

        Assert.That(reply.Success, Is.True, reply.Message);
        var after = (await FindAsync(title))!;
        var ordered = after.Images.OrderBy(i => i.Position).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(after.Price, Is.EqualTo(200_000));
            Assert.That(after.Status, Is.EqualTo(ArtworkStatus.Sold));
            Assert.That(ordered.Select(i => i.Id).Take(2).ToArray(), Is.EqualTo(new[] { before[2].Id, before[1].Id }), "cover = the one moved first");
            Assert.That(ordered, Has.Count.EqualTo(3));
            Assert.That(ordered.Select(i => i.Position), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(Directory.Exists(Path.Combine(App.MediaDirectory, before[0].Key)), Is.False, "removed picture's files are gone");
        });

        var deletePage = await client.GetPageAsync($"/atelier/oeuvres/{id}/modifier");
        var deleteForm = AppClient.Form(deletePage, "artwork-delete-form");
        Assert.That(deleteForm.GetAttribute("action"), Does.Contain("supprimer"));
        var deleted = await client.PostAjaxAsync(deleteForm, new Dictionary<string, string>());
        Assert.That(deleted.Success, Is.True);
        Assert.That(await FindAsync(title), Is.Null);
        foreach (var image in ordered)
            Assert.That(Directory.Exists(Path.Combine(App.MediaDirectory, image.Key)), Is.False);
    }

    [TestCase("1 200 000", 1_200_000)]
    [TestCase("1 200 000 FCFA", 1_200_000)]
    [TestCase("1.200.000", 1_200_000)]
    [TestCase("1200000 F", 1_200_000)]
    [TestCase("150\u202F000\u00A0FCFA", 150_000)]
    [TestCase("75 000 F CFA", 75_000)]
    [TestCase("75000xaf", 75_000)]
    public async Task A_price_is_read_as_people_type_it(string typed, long stored)
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var title = "Prix " + Guid.NewGuid().ToString("N")[..8];

        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: title, price: typed), Photo());

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That((await FindAsync(title))!.Price, Is.EqualTo(stored));
    }

    [Test]
    public async Task The_price_hint_never_wraps_inside_a_number()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var hint = (await client.GetPageAsync("/atelier/oeuvres/nouvelle")).QuerySelector("#artwork-price-hint")!.TextContent;
        Assert.That(hint, Does.Match(@"\d\u00A0\d{3}"), "groups joined by a no-break space");
        Assert.That(hint, Does.Not.Match(@"\d \d"), "no breaking space inside a number");
    }

    [TestCase("title", "", "title")]
    [TestCase("title", "   ", "title")]
    [TestCase("price", "0", "price")]
    [TestCase("price", "-5", "price")]
    [TestCase("price", "abc", "price")]
    [TestCase("price", "12.5", "price")]
    [TestCase("price", "FCFA", "price")]
    [TestCase("price", "12 000 EUR", "price")]
    [TestCase("category", "", "category")]
    [TestCase("category", "inconnue", "category")]
    [TestCase("heightCm", "", "heightCm")]
    [TestCase("widthCm", "large", "widthCm")]
    [TestCase("depthCm", "-3", "depthCm")]
    [TestCase("year", "1500", "year")]
    [TestCase("status", "perdue", "status")]
    public async Task Invalid_input_gets_400_with_the_field_error_and_leaves_no_row_and_no_file(string field, string value, string errorKey)
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var title = "Invalide " + Guid.NewGuid().ToString("N")[..8];
        var fields = Fields(title: title);
        fields[field] = value;
        var filesBefore = App.MediaFiles();

        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", fields, Photo());

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor(errorKey), Is.Not.Empty, string.Join(",", reply.Errors.Keys));
        Assert.That(await FindAsync(field == "title" ? value : title), Is.Null);
        Assert.That(App.MediaFiles(), Is.EquivalentTo(filesBefore));
    }

    [Test]
    public async Task A_work_needs_a_photo_and_at_most_eight()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var none = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: "Sans photo " + Guid.NewGuid()));
        Assert.That(none.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(none.ErrorsFor("images"), Is.Not.Empty);

        var filesBefore = App.MediaFiles();
        var nine = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: "Neuf photos " + Guid.NewGuid()),
            Enumerable.Range(1, 9).Select(i => Photo(i, $"p{i}.jpg")).ToArray());
        Assert.That(nine.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(nine.ErrorsFor("images"), Is.Not.Empty);
        Assert.That(App.MediaFiles(), Is.EquivalentTo(filesBefore));
    }

    [Test]
    public async Task A_file_that_is_not_an_image_among_good_ones_gets_400_and_leaves_no_row_and_no_file()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var title = "Piège " + Guid.NewGuid().ToString("N")[..8];
        var filesBefore = App.MediaFiles();

        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: title),
            Photo(1), new Upload("images", "virus.jpg", "MZ\u0090\0 not an image"u8.ToArray(), "image/jpeg"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("images").Single(), Does.Contain("virus.jpg"));
        Assert.That(await FindAsync(title), Is.Null);
        Assert.That(App.MediaFiles(), Is.EquivalentTo(filesBefore), "the good photo processed first is removed too");
    }

    [Test]
    public async Task A_photo_over_10_MB_gets_413_and_leaves_nothing()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var title = "Lourde " + Guid.NewGuid().ToString("N")[..8];
        var big = new byte[10 * 1024 * 1024 + 1];
        ImageFixtures.Jpeg(64, 64).CopyTo(big, 0);
        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", Fields(title: title), new Upload("images", "grande.jpg", big, "image/jpeg"));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await FindAsync(title), Is.Null);
    }

    [Test]
    public async Task A_posted_artistId_is_ignored()
    {
        var (other, otherEmail) = await Accounts.NewArtistAsync(App);
        other.Dispose();
        var otherId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == otherEmail).Select(u => u.Id).SingleAsync());
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var title = "Usurpation " + Guid.NewGuid().ToString("N")[..8];
        var fields = Fields(title: title);
        fields["!artistId"] = otherId.ToString();
        fields["!ArtistId"] = otherId.ToString();

        var reply = await client.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", fields, Photo());

        Assert.That(reply.Success, Is.True);
        var myId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.That((await FindAsync(title))!.ArtistId, Is.EqualTo(myId));
    }

    // The owner / other artist / anonymous matrix for every atelier handler.

    [Test]
    public async Task Another_artist_can_neither_see_nor_change_nor_delete_a_work()
    {
        var (owner, id, title) = await PublishAsync(photos: 1);
        var ownerEdit = await owner.GetPageAsync($"/atelier/oeuvres/{id}/modifier");
        var ownerForm = AppClient.Form(ownerEdit, "artwork-form");
        var ownerDelete = AppClient.Form(ownerEdit, "artwork-delete-form");
        var (intruder, _) = await Accounts.NewArtistAsync(App);
        using var _o = owner;
        using var _i = intruder;

        await intruder.GetPageAsync($"/atelier/oeuvres/{id}/modifier", HttpStatusCode.NotFound);
        await intruder.GetPageAsync($"/atelier/oeuvres/{id}/supprimer", HttpStatusCode.NotFound);
        var intruderToken = AppClient.Form(await intruder.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form")
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        ownerForm.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", intruderToken);
        ownerDelete.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", intruderToken);

        using var edit = await intruder.PostPlainAsync(ownerForm, Fields(title: "Volée", price: "1"));
        using var delete = await intruder.PostPlainAsync(ownerDelete, new Dictionary<string, string>());

        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var work = (await FindAsync(title))!;
        Assert.That(work.Price, Is.EqualTo(150_000));
        var list = await intruder.GetPageAsync($"/atelier/oeuvres?publiee={id}");
        Assert.That(list.QuerySelector($"[data-artwork-id='{id}']"), Is.Null, "not in another artist's list");
        Assert.That(list.QuerySelector("#published-notice"), Is.Null, "no notice for another artist's work");
    }

    [TestCase("/atelier/oeuvres")]
    [TestCase("/atelier/oeuvres/nouvelle")]
    [TestCase("/atelier/oeuvres/1/modifier")]
    [TestCase("/atelier/oeuvres/1/supprimer")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/connexion?ReturnUrl="));
    }

    [Test]
    public async Task Anonymous_posts_change_nothing()
    {
        var (owner, id, title) = await PublishAsync(photos: 1);
        var page = await owner.GetPageAsync($"/atelier/oeuvres/{id}/modifier");
        var form = AppClient.Form(page, "artwork-form");
        var deleteForm = AppClient.Form(page, "artwork-delete-form");
        owner.Dispose();
        using var anonymous = NewClient();
        var token = (await anonymous.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", token);
        deleteForm.QuerySelector("input[name=__RequestVerificationToken]")!.SetAttribute("value", token);

        var edit = await anonymous.PostAjaxAsync(form, Fields(title: "Anonyme"));
        var delete = await anonymous.PostAjaxAsync(deleteForm, new Dictionary<string, string>());
        form.SetAttribute("action", "/atelier/oeuvres/nouvelle");
        var create = await anonymous.PostAjaxAsync(form, Fields(title: "Anonyme"), Photo());

        Assert.That(new[] { edit.Status, delete.Status, create.Status }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(edit.RedirectUrl, Is.EqualTo("/connexion"), "the fetch helper offers to sign in again");
        Assert.That((await FindAsync(title))!.Title, Is.EqualTo(title));
        Assert.That(await FindAsync("Anonyme"), Is.Null);
    }

    [Test]
    public async Task A_post_without_antiforgery_token_changes_nothing()
    {
        var (client, id, title) = await PublishAsync(photos: 1);
        using var _ = client;
        using var content = new FormUrlEncodedContent(Fields(title: "Sans jeton"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/atelier/oeuvres/{id}/modifier") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await FindAsync(title))!.Title, Is.EqualTo(title));
    }
}

internal static class FieldListExtensions
{
    /// <summary>Fields where a name may repeat (imageOrder=…&amp;imageOrder=…), keyed uniquely for the client.</summary>
    public static Dictionary<string, string> ToLookupDictionary(this IEnumerable<KeyValuePair<string, string>> fields)
    {
        var result = new Dictionary<string, string>();
        var n = 0;
        foreach (var (key, value) in fields)
            result[result.ContainsKey(key) ? key + "\u0001" + n++ : key] = value;
        return result;
    }
}
