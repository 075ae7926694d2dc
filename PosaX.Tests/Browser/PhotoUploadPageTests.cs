using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>
/// Photos are checked and made light in the browser before they travel, on a phone: the French
/// picker, a refused type said at once with the server's message (and gone once a right file is
/// chosen), and a camera photo downscaled to 2,400 px before the upload.
/// </summary>
public class PhotoUploadPageTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_camera_photo_is_downscaled_before_upload_and_a_wrong_file_is_refused_at_once()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignedInArtistAsync("Photo Légère");
        await Page.GotoAsync("/atelier/oeuvres/nouvelle");
        var picker = Page.Locator("#artwork-images + .file-picker");
        await Expect(picker).ToContainTextAsync("Choisir des photos");
        await Expect(picker).ToContainTextAsync("Aucune photo choisie");

        var requests = 0;
        Page.Request += (_, request) => { if (request.Method == "POST") requests++; };
        await Page.Locator("#artwork-images").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "pas une image"u8.ToArray() });
        var error = Page.Locator("[data-error-for=images]");
        await Expect(error).ToHaveTextAsync(InfrastructureTexts.Images.UnsupportedFormat);
        Assert.That(requests, Is.Zero, "said before anything is sent");

        var camera = ImageFixtures.PhotoLikeJpeg(4000, 3000, seed: 7);
        await Page.Locator("#artwork-images").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = camera });
        await Expect(error).ToHaveTextAsync("");
        await Expect(picker).ToContainTextAsync("IMG_0001.jpg");
        // What the form will send is what the input holds once the script is done with it.
        var chosen = await Page.EvaluateAsync<int[]>(@"async () => {
            const input = document.querySelector('#artwork-images');
            await input.pendingWork;
            const file = input.files[0];
            const bitmap = await createImageBitmap(file);
            return [file.size, bitmap.width, bitmap.height];
        }");
        TestContext.Progress.WriteLine($"[photos] a {camera.Length / 1024} KB 4000×3000 camera JPEG goes up as {chosen[0] / 1024} KB, {chosen[1]}×{chosen[2]}");
        Assert.Multiple(() =>
        {
            Assert.That(chosen[0], Is.LessThan(camera.Length / 3), "the upload is a light copy");
            Assert.That((chosen[1], chosen[2]), Is.EqualTo((2400, 1800)), "longest side 2,400 px, proportions kept");
        });

        var title = "Légère " + Guid.NewGuid().ToString("N")[..6];
        await Page.Locator("#artwork-title").FillAsync(title);
        await Page.Locator("#artwork-price").FillAsync("1 200 000 FCFA");
        await Page.Locator("#artwork-category").SelectOptionAsync("peinture");
        await Page.Locator("#artwork-height").FillAsync("60");
        await Page.Locator("#artwork-width").FillAsync("80");
        await Page.Locator("#artwork-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/atelier/oeuvres\?publiee=\d+$"));

        var stored = await App.WithDbAsync(db => db.ArtworkImages.Where(i => db.Artworks.Any(a => a.Id == i.ArtworkId && a.Title == title)).CountAsync());
        Assert.That(stored, Is.EqualTo(1), "published with its photo");
    }
}
