using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;
using static PosaX.Tests.Infrastructure.Images.ImageFixtures;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Hostile files posted through the real upload forms (profile photo, registration photo, work
/// photos): polyglots, SVG, HTML in disguise, truncated files, pixel floods declared in a few
/// hundred bytes, a real decompression bomb, wrong extensions, the size limit plus one byte.
/// A refusal is a 400 or 413 with the JSON contract at the file field, answered in under 2 s,
/// with no row and no file written and staging empty. What is accepted is stored only as fresh
/// re-encodings (WebP, and the JPEG social preview): no appended payload, no metadata survives.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class HostileUploadTests(DatabaseProvider provider) : AbuseTest(provider)
{
    public sealed record HostileFile(string Name, Func<byte[]> Content, string FileName, string ContentType, int? Refusal)
    {
        /// <summary>Bytes that must not reach any stored file when the upload is accepted.</summary>
        public string? Payload { get; init; }
        public override string ToString() => Name;
    }

    private const string Marker = "PAYLOAD-MARKER-7f3a9c";
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static readonly HostileFile[] Files =
    [
        new("JPEG + HTML appended (polyglot)", () => [.. Jpeg(400, 300), .. Html], "photo.jpg", "image/jpeg", 400),
        new("JPEG + ZIP appended (polyglot)", () => [.. Jpeg(400, 300), .. Zip()], "photo.jpg", "image/jpeg", 400),
        new("JPEG with a script in a comment", () => JpegWithComment(Jpeg(400, 300), "<script>alert(1)</script>"), "photo.jpg", "image/jpeg", 400),
        new("GIF/JS polyglot", GifScriptPolyglot, "photo.gif", "image/gif", 400),
        new("SVG with a script", () => Svg, "image.svg", "image/svg+xml", 400),
        new("SVG named .jpg", () => Svg, "photo.jpg", "image/jpeg", 400),
        new("HTML renamed .jpg", () => Html, "photo.jpg", "image/jpeg", 400),
        new("PHP in a PNG text chunk", () => PngWithText("<?php system($_GET['c']); ?>"), "photo.png", "image/png", 400),
        new("truncated JPEG", () => { var j = Jpeg(1200, 900); return j[..(j.Length * 6 / 10)]; }, "photo.jpg", "image/jpeg", 400),
        new("truncated PNG", () => { var p = Png(600, 400); return p[..(p.Length / 2)]; }, "photo.png", "image/png", 400),
        new("PNG declaring 50,000×50,000 (pixel flood)", () => PngDeclaring(50_000, 50_000), "photo.png", "image/png", 413),
        new("JPEG declaring 50,000×50,000 (pixel flood)", () => JpegDeclaring(50_000, 50_000), "photo.jpg", "image/jpeg", 413),
        new("WebP declaring 16,383×16,383 (VP8L)", () => WebPLosslessDeclaring(16_383, 16_383), "photo.webp", "image/webp", 413),
        new("WebP canvas 50,000×50,000 (VP8X)", () => WebPCanvasDeclaring(50_000, 50_000), "photo.webp", "image/webp", 413),
        new("PNG bomb: 20,000×20,000 real pixels in a few kB", () => PngBomb(20_000, 20_000), "photo.png", "image/png", 413),
        new("10 MB + 1 byte", () => Padded(Jpeg(400, 300), (int)ImagePipeline.MaxUploadBytes + 1), "photo.jpg", "image/jpeg", 413),
        // Accepted, but only ever stored re-encoded.
        new("PNG named .jpg (content decides)", () => Png(500, 400), "photo.jpg", "image/jpeg", null),
        new("JPEG with GPS, EXIF and XMP named .png", () => JpegWithGpsAndOrientation6(640, 480), "photo.png", "image/png", null)
            { Payload = "Secret Photographer" },
        new("JPEG with a trailer after its end", () => [.. Jpeg(400, 300), .. Encoding.ASCII.GetBytes(Marker), .. new byte[256]], "photo.jpg", "image/jpeg", null)
            { Payload = Marker },
        new("PNG with a text chunk (no markup)", () => PngWithText(Marker + " alert(1)"), "photo.png", "image/png", null) { Payload = Marker },
    ];

    private sealed record Target(string Name, string Page, string Form, string Field, bool SignedIn, Func<Dictionary<string, string>> Fields);

    private static readonly Target[] Targets =
    [
        new("profile photo", "/profil", "profile-form", "photo", true, () => new() { ["name"] = "Photographe" }),
        new("work photos", "/atelier/oeuvres/nouvelle", "artwork-form", "images", true, () => Recipes.WorkFields()),
        new("registration photo", "/inscription", "register-form", "photo", false,
            () => Accounts.Registration(AbuseWorld.NewEmail("photo"), "Inscrit Photo")),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from target in Targets
        from file in Files
        where file.Refusal is not null || target.Name != "registration photo"
        select new TestCaseData(target.Name, file.Name).SetName($"{target.Name}: {file.Name}");

    private Account? _artist;

    [TestCaseSource(nameof(Cases))]
    public async Task A_hostile_upload_is_refused_cleanly_and_quickly_or_stored_only_re_encoded(string targetName, string fileName)
    {
        var target = Targets.Single(t => t.Name == targetName);
        var file = Files.Single(f => f.Name == fileName);
        var client = target.SignedIn ? (_artist ??= await World.SignedInArtistAsync()).Client : App.CreateBrowserClient();
        var form = Recipes.Form(await client.GetPageAsync(target.Page), "#" + target.Form);
        var post = new PreparedPost(form, target.Fields(), new Upload(target.Field, file.FileName, file.Content(), file.ContentType));
        var token = await AbuseWorld.TokenAsync(client);

        var counts = await CountRowsAsync();
        var media = Media();
        var start = await ConsistencyAsync();
        var log = WatchLog();
        using var request = FormRequests.Build(post.Action, post.Values().Select(v => RawField.Text(v.Key, v.Value)), post.Files, multipart: true, token);
        var answer = await Answer.SendAsync(client, request);
        var now = Media();
        Progress($"upload to {target.Name}: {file.Name} ({post.Files[0].Content.Length:N0} bytes) → {answer.Code} in {answer.Elapsed.TotalMilliseconds:F0} ms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(now.Staging, Is.Empty, "staging left empty");
            Assert.That(log.NewErrors(), Is.Empty, "errors logged");
            Assert.That(await BrokenSinceAsync(start), Is.Empty, "no half-written row, no orphan file");
            if (file.Refusal is { } refusal)
            {
                Assert.That(answer.Code, Is.EqualTo(refusal), answer.ToString());
                Assert.That(answer.ContractProblem(), Is.Null);
                Assert.That(answer.Body, Does.Contain($"\"{target.Field}\":["), "the refusal is told at the file field");
                Assert.That(answer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "refused quickly");
                Assert.That((await CountRowsAsync()).DifferenceFrom(counts), Is.Empty, "no row written");
                Assert.That(now.AddedSince(media), Is.Empty, "no file written");
            }
            else
            {
                Assert.That(answer.Succeeded, Is.True, answer.ToString());
                var added = now.AddedSince(media).SelectMany(key => Directory.GetFiles(Path.Combine(App.MediaDirectory, key)))
                    .Select(f => Path.GetRelativePath(App.MediaDirectory, f)).ToArray();
                Assert.That(added, Is.Not.Empty, "the picture is stored");
                foreach (var stored in added)
                {
                    var bytes = await File.ReadAllBytesAsync(Path.Combine(App.MediaDirectory, stored));
                    Assert.That(Path.GetExtension(stored), Is.AnyOf(".webp", ".jpg"), stored);
                    if (stored.EndsWith(".webp", StringComparison.Ordinal))
                    {
                        Assert.That(Encoding.ASCII.GetString(bytes, 0, 4) + Encoding.ASCII.GetString(bytes, 8, 4), Is.EqualTo("RIFFWEBP"), $"{stored} is a WebP");
                        Assert.That(WebPChunks(bytes), Has.None.AnyOf("EXIF", "XMP ", "ICCP"), $"{stored} carries no metadata");
                    }
                    else
                    {
                        Assert.That(bytes[..2], Is.EqualTo(new byte[] { 0xFF, 0xD8 }), $"{stored} is a JPEG");
                        Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain("Exif").And.Not.Contain("xmpmeta"), $"{stored} carries no metadata");
                    }
                    if (file.Payload is { } payload)
                        Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain(payload), $"{stored} carries the appended bytes");
                    Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain("<script").IgnoreCase, stored);
                }
            }
        }
    }

    /// <summary>The whole request over the limit Kestrel or the form sets: 413 with the JSON contract, nothing stored.</summary>
    [TestCase("profile photo", 31 * 1024 * 1024, 1)]
    [TestCase("work photos", 10 * 1024 * 1024, 9)]
    public async Task A_request_over_the_form_s_size_limit_is_refused_413_before_anything_is_stored(string targetName, int size, int files)
    {
        var target = Targets.Single(t => t.Name == targetName);
        var client = (_artist ??= await World.SignedInArtistAsync()).Client;
        var form = Recipes.Form(await client.GetPageAsync(target.Page), "#" + target.Form);
        var content = Padded(Jpeg(400, 300), size);
        var post = new PreparedPost(form, target.Fields(),
            Enumerable.Range(0, files).Select(i => new Upload(target.Field, $"photo{i}.jpg", content, "image/jpeg")).ToArray());
        var token = await AbuseWorld.TokenAsync(client);
        var counts = await CountRowsAsync();
        var media = Media();
        using var request = FormRequests.Build(post.Action, post.Values().Select(v => RawField.Text(v.Key, v.Value)), post.Files, multipart: true, token);
        // What a browser cannot do but a script can: wait for the server's go-ahead before sending the body.
        request.Headers.ExpectContinue = true;
        var answer = await Answer.SendAsync(client, request);
        Progress($"upload to {target.Name}: {files} × {size:N0} bytes → {answer.Code} in {answer.Elapsed.TotalMilliseconds:F0} ms");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), answer.ToString());
        Assert.That(answer.ContractProblem(), Is.Null);
        Assert.That((await CountRowsAsync()).DifferenceFrom(counts), Is.Empty);
        Assert.That(Media().AddedSince(media), Is.Empty);
        Assert.That(Media().Staging, Is.Empty);
    }

    /// <summary>A large image within the limits (36 MP of one colour in a few kB) is real work, not a refusal: how long it takes.</summary>
    [Test]
    public async Task A_36_megapixel_PNG_of_a_few_kB_within_the_limits_is_processed_in_bounded_time()
    {
        var client = (_artist ??= await World.SignedInArtistAsync()).Client;
        var form = Recipes.Form(await client.GetPageAsync("/profil"), "#profile-form");
        var png = PngBomb(6_000, 6_000);
        var post = new PreparedPost(form, new Dictionary<string, string> { ["name"] = "Photographe" }, new Upload("photo", "grand.png", png, "image/png"));
        using var request = FormRequests.Build(post.Action, post.Values().Select(v => RawField.Text(v.Key, v.Value)), post.Files, multipart: true,
            await AbuseWorld.TokenAsync(client));
        var answer = await Answer.SendAsync(client, request);
        Progress($"upload to profile photo: 6,000×6,000 PNG ({png.Length:N0} bytes) → {answer.Code} in {answer.Elapsed.TotalMilliseconds:F0} ms");
        Assert.That(answer.Succeeded, Is.True, answer.ToString());
        Assert.That(answer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(Media().Staging, Is.Empty);
    }

    // --- files ------------------------------------------------------------------------------------

    /// <summary>Valid GIF header whose bytes also open a JavaScript comment: GIF89a/*…*/=alert(1)//</summary>
    private static byte[] GifScriptPolyglot()
    {
        var gif = Gif.ToArray();
        gif[6] = 0x2F; gif[7] = 0x2A; // logical screen width bytes become "/*"
        return [.. gif, .. "*/=alert(1)//"u8];
    }

    private static byte[] PngWithText(string text)
    {
        var png = Png(300, 200);
        using var output = new MemoryStream();
        output.Write(png.AsSpan(0, 8 + 25)); // signature + IHDR chunk
        WriteChunk(output, "tEXt", [.. "Comment"u8, 0, .. Encoding.Latin1.GetBytes(text)]);
        output.Write(png.AsSpan(8 + 25));
        return output.ToArray();
    }

    /// <summary>A real JPEG whose SOF segment is patched to declare other dimensions.</summary>
    private static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = Jpeg(64, 48);
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] is not (0xC0 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
            return jpeg;
        }
        throw new InvalidOperationException("no SOF segment");
    }

    private static byte[] Riff(params (string FourCc, byte[] Data)[] chunks)
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        foreach (var (fourCc, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(fourCc));
            body.Write(BitConverter.GetBytes((uint)data.Length));
            body.Write(data);
            if (data.Length % 2 == 1) body.WriteByte(0);
        }
        return [.. "RIFF"u8, .. BitConverter.GetBytes((uint)body.Length), .. body.ToArray()];
    }

    private static byte[] WebPLosslessDeclaring(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        return Riff(("VP8L", [0x2F, .. BitConverter.GetBytes(bits), .. new byte[32]]));
    }

    private static byte[] WebPCanvasDeclaring(int width, int height)
    {
        var vp8x = new byte[10];
        vp8x[4] = (byte)(width - 1); vp8x[5] = (byte)((width - 1) >> 8); vp8x[6] = (byte)((width - 1) >> 16);
        vp8x[7] = (byte)(height - 1); vp8x[8] = (byte)((height - 1) >> 8); vp8x[9] = (byte)((height - 1) >> 16);
        return Riff(("VP8X", vp8x), ("VP8L", [0x2F, 0, 0, 0, 0, .. new byte[16]]));
    }

    /// <summary>A genuine greyscale PNG of one colour: every row really there, deflated to almost nothing.</summary>
    private static byte[] PngBomb(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 1; // bit depth 1
        ihdr[9] = 0; // greyscale
        var row = new byte[1 + (width + 7) / 8]; // filter byte 0, then white... all zero is black: fine
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
            for (var y = 0; y < height; y++) z.Write(row);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", zlib.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Padded(byte[] image, int size)
    {
        var padded = new byte[size];
        image.CopyTo(padded, 0);
        return padded;
    }

    private static List<string> WebPChunks(byte[] webp)
    {
        var chunks = new List<string>();
        for (var i = 12; i + 8 <= webp.Length;)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, i, 4));
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(i + 4));
            i += 8 + size + (size & 1);
        }
        return chunks;
    }
}
