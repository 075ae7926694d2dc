using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.Infrastructure.Images;

[TestFixture]
public sealed class MediaEndpointsTests
{
    private string _contentRoot = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private ImagePipeline _pipeline = null!;

    [SetUp]
    public async Task SetUp()
    {
        _contentRoot = Path.Combine(Path.GetTempPath(), "posax-media-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_contentRoot);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _contentRoot, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Services.Configure<StorageOptions>(o => o.Root = "media");
        builder.Services.AddSingleton<ImagePipeline>();
        _app = builder.Build();
        _app.UsePosaXMedia();
        _app.MapGet("/{**rest}", () => "fallthrough");
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _pipeline = _app.Services.GetRequiredService<ImagePipeline>();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        _pipeline.Dispose(); // the app's container disposes it too; twice is harmless
        await _app.DisposeAsync();
        if (Directory.Exists(_contentRoot)) Directory.Delete(_contentRoot, recursive: true);
    }

    [Test]
    public async Task ServesWebpAndOg_WithImmutableCachingAndNosniff()
    {
        var image = (await _pipeline.ProcessAsync(new MemoryStream(ImageFixtures.Jpeg(700, 500)), ImageKind.Artwork)).Image!;

        using var webp = await _client.GetAsync(ImagePipeline.Url(image.Key, 320));
        Assert.That(webp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(webp.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
        Assert.That(webp.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
        Assert.That(webp.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        var bytes = await webp.Content.ReadAsByteArrayAsync();
        Assert.That(bytes, Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(_pipeline.RootPath, image.Key, "320.webp"))));

        using var og = await _client.GetAsync($"/media/{image.Key}/og.jpg");
        Assert.That(og.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(og.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
    }

    [Test]
    public async Task EverythingElseUnderMedia_Is404()
    {
        var image = (await _pipeline.ProcessAsync(new MemoryStream(ImageFixtures.Jpeg(400, 300)), ImageKind.Artwork)).Image!;
        var root = _pipeline.RootPath;
        File.WriteAllText(Path.Combine(root, image.Key, "notes.txt"), "secret");
        File.WriteAllText(Path.Combine(root, image.Key, "evil.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(root, image.Key, "page.html"), "<html/>");
        var staged = Directory.CreateDirectory(Path.Combine(root, ".staging", "abc")).FullName;
        File.Copy(Path.Combine(root, image.Key, "320.webp"), Path.Combine(staged, "320.webp"));
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), "SECRET-CONFIG");
        File.WriteAllText(Path.Combine(root, "readme.txt"), "SECRET-NOTES");

        string[] paths =
        [
            $"/media/{image.Key}/notes.txt", $"/media/{image.Key}/evil.svg", $"/media/{image.Key}/page.html",
            "/media/.staging/abc/320.webp", "/media/%2Estaging/abc/320.webp",
            $"/media/{image.Key}/", $"/media/{image.Key}", "/media/", "/media",
            $"/media/{image.Key}/9999.webp",
        ];
        foreach (var path in paths)
        {
            using var response = await _client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        // Traversal attempts, sent raw (HttpClient would normalise the dots away before sending).
        var server = _app.GetTestServer();
        foreach (var raw in new[] { "/media/../appsettings.json", "/media/%2E%2E/appsettings.json", "/media/a/../../appsettings.json", "/media/readme.txt", "/media/..%2Fappsettings.json" })
        {
            var context = await server.SendAsync(c => { c.Request.Method = "GET"; c.Request.Path = new PathString(raw); });
            using var reader = new StreamReader(context.Response.Body);
            var body = await reader.ReadToEndAsync();
            Assert.That(body, Does.Not.Contain("SECRET"), raw);
            Assert.That(context.Response.StatusCode, Is.EqualTo(404), raw);
        }

        // Outside /media the rest of the app is reached.
        Assert.That(await _client.GetStringAsync("/other"), Is.EqualTo("fallthrough"));
    }
}
