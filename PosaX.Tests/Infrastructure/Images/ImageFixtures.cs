using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using NetVips;
using PosaX.Web.Infrastructure.Images;
using VipsImage = NetVips.Image;

namespace PosaX.Tests.Infrastructure.Images;

/// <summary>Test images built in code: nothing copyrighted, nothing downloaded.</summary>
internal static class ImageFixtures
{
    public const string ExifTool = "/usr/bin/exiftool";

    public static byte[] Jpeg(int width, int height, int seed = 1) => DemoImages.Generate(seed, width, height);

    /// <summary>Like a camera JPEG: sensor-like noise on top of the demo picture, quality 92 (several MB at 12 MP).</summary>
    public static byte[] PhotoLikeJpeg(int width, int height, int seed = 1)
    {
        using var picture = VipsImage.NewFromBuffer(Jpeg(width, height, seed));
        using var noise = VipsImage.Gaussnoise(width, height, sigma: 18, seed: seed);
        using var noisy = (picture + noise).Cast(Enums.BandFormat.Uchar);
        return noisy.JpegsaveBuffer(q: 92);
    }

    /// <summary>
    /// A 12-megapixel camera photograph, as a phone hands it over: 4000×3000, a scene (a generated
    /// landscape) under per-channel sensor noise, a little lens softness, quality 92 (several MB,
    /// as hard to compress as a real photo), with the EXIF a phone writes (orientation, GPS).
    /// </summary>
    public static byte[] CameraPhoto(int seed = 3)
    {
        const int Width = 4000, Height = 3000;
        using var scene = VipsImage.NewFromBuffer(PosaX.Web.Infrastructure.Demo.DemoArt.Generate(
            PosaX.Web.Infrastructure.Demo.DemoArt.Style.Landscape, seed, Width, Height));
        using var soft = scene.Gaussblur(1.2);
        using var noiseR = VipsImage.Gaussnoise(Width, Height, sigma: 9, seed: seed);
        using var noiseG = VipsImage.Gaussnoise(Width, Height, sigma: 7, seed: seed + 1);
        using var noiseB = VipsImage.Gaussnoise(Width, Height, sigma: 11, seed: seed + 2);
        using var noise = noiseR.Bandjoin(noiseG, noiseB);
        using var noisy = (soft + noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = noisy.Mutate(m =>
        {
            m.Set(GValue.BlobType, "exif-data", ExifBlob(orientation: 1));
            m.Set(GValue.GIntType, "orientation", 1);
        });
        return tagged.JpegsaveBuffer(q: 92, keep: Enums.ForeignKeep.All);
    }

    public static byte[] Png(int width, int height, bool alpha = false)
    {
        using var image = VipsImage.NewFromBuffer(Jpeg(width, height, 2));
        using var withAlpha = alpha ? image.Bandjoin(255) : image.Copy();
        return withAlpha.PngsaveBuffer(compression: 1);
    }

    public static byte[] WebP(int width, int height)
    {
        using var image = VipsImage.NewFromBuffer(Jpeg(width, height, 3));
        return image.WebpsaveBuffer(q: 90);
    }

    /// <summary>
    /// A JPEG whose stored pixels are: left half red, right half blue; with EXIF orientation 6 (display
    /// = rotated 90° clockwise, so red on top) and GPS coordinates (Yaoundé), plus an XMP packet.
    /// </summary>
    public static byte[] JpegWithGpsAndOrientation6(int width, int height)
    {
        using var red = VipsImage.Black(width / 2, height) + new double[] { 220, 30, 30 };
        using var blue = VipsImage.Black(width - width / 2, height) + new double[] { 30, 30, 220 };
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        using var rgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = rgb.Mutate(m =>
        {
            m.Set(GValue.BlobType, "exif-data", ExifBlob(orientation: 6));
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.BlobType, "xmp-data", Encoding.UTF8.GetBytes(
                "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='Secret Photographer'/></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"));
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    /// <summary>"Exif\0\0" + a big-endian TIFF: IFD0 {Orientation, GPS pointer}, GPS IFD {lat/long + refs}.</summary>
    public static byte[] ExifBlob(int orientation)
    {
        var tiff = new byte[200];
        var s = tiff.AsSpan();
        "MM"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], 8);
        // IFD0 at 8: 2 entries
        var p = 8;
        BinaryPrimitives.WriteUInt16BigEndian(s[p..], 2); p += 2;
        p = Entry(s, p, 0x0112, 3, 1, (uint)orientation << 16); // SHORT, left-justified in the value field
        const int gpsIfd = 8 + 2 + 2 * 12 + 4;                   // = 38
        p = Entry(s, p, 0x8825, 4, 1, gpsIfd);
        BinaryPrimitives.WriteUInt32BigEndian(s[p..], 0); // no next IFD
        // GPS IFD: 4 entries, rationals after it
        p = gpsIfd;
        const int rationals = gpsIfd + 2 + 4 * 12 + 4;           // = 92
        BinaryPrimitives.WriteUInt16BigEndian(s[p..], 4); p += 2;
        p = Entry(s, p, 0x0001, 2, 2, (uint)'N' << 24);
        p = Entry(s, p, 0x0002, 5, 3, rationals);
        p = Entry(s, p, 0x0003, 2, 2, (uint)'E' << 24);
        p = Entry(s, p, 0x0004, 5, 3, rationals + 24);
        BinaryPrimitives.WriteUInt32BigEndian(s[p..], 0);
        uint[] values = [3, 1, 52, 1, 1, 1, 11, 1, 30, 1, 7, 1]; // 3°52'1" N, 11°30'7" E
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(s[(rationals + 4 * i)..], values[i]);
        return [.. "Exif\0\0"u8, .. tiff.AsSpan(0, rationals + 48)];

        static int Entry(Span<byte> s, int p, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s[p..], tag);
            BinaryPrimitives.WriteUInt16BigEndian(s[(p + 2)..], type);
            BinaryPrimitives.WriteUInt32BigEndian(s[(p + 4)..], count);
            BinaryPrimitives.WriteUInt32BigEndian(s[(p + 8)..], value);
            return p + 12;
        }
    }

    /// <summary>A valid little PNG whose IHDR claims width × height (CRCs correct), with a tiny IDAT.</summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // RGB
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[1024]);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", zlib.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(four, (uint)data.Length);
        png.Write(four);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typeAndData));
        png.Write(four);
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Inserts a COM segment right after SOI.</summary>
    public static byte[] JpegWithComment(byte[] jpeg, string comment)
    {
        var text = Encoding.ASCII.GetBytes(comment);
        var length = (ushort)(text.Length + 2);
        return [.. jpeg.AsSpan(0, 2), 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. text, .. jpeg.AsSpan(2)];
    }

    public static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("shell.php").Open());
            w.Write("<?php echo 1; ?>");
        }
        return ms.ToArray();
    }

    // The classic 1×1 transparent GIF.
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(1)</script><rect width=\"100\" height=\"100\" fill=\"red\"/></svg>");

    // ISO-BMFF header of a HEIC file.
    public static readonly byte[] Heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0];

    /// <summary>exiftool's view of a file (group:tag → value), or null when exiftool is not installed.</summary>
    public static Dictionary<string, string>? ExifToolTags(string path)
    {
        if (!File.Exists(ExifTool)) return null;
        var psi = new ProcessStartInfo(ExifTool, ["-j", "-a", "-G1", "-n", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
    }
}

internal sealed class FakeWebHostEnvironment(string contentRoot) : IWebHostEnvironment
{
    public string WebRootPath { get; set; } = Path.Combine(contentRoot, "wwwroot");
    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    public string ApplicationName { get; set; } = "PosaX.Web";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    public string ContentRootPath { get; set; } = contentRoot;
    public string EnvironmentName { get; set; } = "Testing";
}

/// <summary>A non-seekable stream of endless bytes that counts how much was read from it.</summary>
internal sealed class EndlessStream(byte fill) : Stream
{
    public long BytesRead { get; private set; }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill(fill);
        if (BytesRead == 0 && count >= 3) { buffer[offset] = 0xFF; buffer[offset + 1] = 0xD8; buffer[offset + 2] = 0xFF; }
        BytesRead += count;
        return count;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
