using System.Buffers.Binary;

namespace PosaX.Web.Infrastructure.Images;

internal enum ImageFormat { Unknown, Jpeg, Png, WebP }

/// <summary>What the container structure says, read without decoding a single pixel.</summary>
/// <param name="Malformed">The structure is broken before the dimensions could be read.</param>
/// <param name="Polyglot">Markup (HTML, script, SVG, PHP) in a metadata block or data after the end of the image.</param>
internal readonly record struct ImageHeader(ImageFormat Format, long Width, long Height, bool Malformed, bool Polyglot);

/// <summary>
/// Identifies JPEG, PNG and WebP by their magic bytes and walks their segments/chunks to read the
/// declared dimensions (so pixel floods are refused before libvips allocates anything) and to spot
/// polyglots. Pixel data (JPEG entropy-coded data, IDAT, VP8/VP8L/ALPH) is never scanned for markup:
/// it is compressed noise that we re-encode anyway, and scanning it would only produce false alarms.
/// Truncation inside the pixel data is left to libvips (loaded with fail-on-error).
/// </summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ImageFormat.Jpeg;
        if (data.StartsWith(PngSignature)) return ImageFormat.Png;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        return ImageFormat.Unknown;
    }

    public static ImageHeader Inspect(ReadOnlySpan<byte> data) => Detect(data) switch
    {
        ImageFormat.Jpeg => InspectJpeg(data),
        ImageFormat.Png => InspectPng(data),
        ImageFormat.WebP => InspectWebP(data),
        _ => new ImageHeader(ImageFormat.Unknown, 0, 0, false, false),
    };

    private static ImageHeader InspectJpeg(ReadOnlySpan<byte> d)
    {
        long width = 0, height = 0;
        var polyglot = false;
        var end = -1;
        var i = 2;
        while (i < d.Length)
        {
            if (d[i] != 0xFF) break; // garbage where a marker should be: let libvips judge
            while (i < d.Length && d[i] == 0xFF) i++; // fill bytes
            if (i >= d.Length) break;
            var marker = d[i++];
            if (marker == 0xD9) { end = i; break; }
            if (marker == 0x01 || marker is >= 0xD0 and <= 0xD7) continue; // stand-alone markers
            if (i + 2 > d.Length) break;
            var length = (d[i] << 8) | d[i + 1];
            if (length < 2) return new ImageHeader(ImageFormat.Jpeg, 0, 0, true, false);
            var segEnd = Math.Min(d.Length, i + length);
            var payload = d[(i + 2)..segEnd];

            var isSof = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isSof && width == 0 && payload.Length >= 5)
            {
                height = (payload[1] << 8) | payload[2];
                width = (payload[3] << 8) | payload[4];
            }
            else if (marker is (>= 0xE0 and <= 0xEF) or 0xFE && ContainsMarkup(payload))
            {
                polyglot = true; // APPn or COM segment carrying HTML/script
            }

            i = segEnd;
            if (marker == 0xDA)
            {
                // Entropy-coded data: runs until a marker other than a stuffed 0xFF00 or a restart marker.
                while (i < d.Length)
                {
                    var ff = d[i..].IndexOf((byte)0xFF);
                    if (ff < 0) { i = d.Length; break; }
                    i += ff;
                    if (i + 1 >= d.Length) { i = d.Length; break; }
                    var next = d[i + 1];
                    if (next == 0x00 || next is >= 0xD0 and <= 0xD7) { i += 2; continue; }
                    if (next == 0xFF) { i++; continue; }
                    break; // a real marker: back to the segment loop
                }
            }
        }

        if (end > 0 && end < d.Length)
        {
            // Phones append harmless trailers (motion photos, Samsung SEFT), so a trailer alone is
            // accepted; an archive or markup after the image is a polyglot.
            var trailer = d[end..];
            if (trailer.IndexOf("PK\x03\x04"u8) >= 0 || trailer.IndexOf("PK\x05\x06"u8) >= 0 || ContainsMarkup(trailer))
                polyglot = true;
        }

        var malformed = width <= 0 || height <= 0;
        return new ImageHeader(ImageFormat.Jpeg, width, height, malformed, polyglot);
    }

    private static ImageHeader InspectPng(ReadOnlySpan<byte> d)
    {
        // Signature, then IHDR first: length 13, "IHDR", width, height, ...
        if (d.Length < 8 + 8 + 13 || BinaryPrimitives.ReadUInt32BigEndian(d[8..]) != 13 || !d.Slice(12, 4).SequenceEqual("IHDR"u8))
            return new ImageHeader(ImageFormat.Png, 0, 0, true, false);
        long width = BinaryPrimitives.ReadUInt32BigEndian(d[16..]);
        long height = BinaryPrimitives.ReadUInt32BigEndian(d[20..]);
        var polyglot = false;
        var end = -1;
        var i = 8;
        while (i + 8 <= d.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(d[i..]);
            var type = d.Slice(i + 4, 4);
            var dataStart = i + 8;
            var chunkEnd = dataStart + length + 4;
            var available = d[dataStart..(int)Math.Min(d.Length, dataStart + length)];
            if (!type.SequenceEqual("IDAT"u8) && !type.SequenceEqual("fdAT"u8) && ContainsMarkup(available))
                polyglot = true;
            if (chunkEnd > d.Length) break; // truncated: libvips will refuse it
            i = (int)chunkEnd;
            if (type.SequenceEqual("IEND"u8)) { end = i; break; }
        }

        if (end > 0 && end < d.Length) polyglot = true; // nothing legitimate follows IEND
        var malformed = width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue;
        return new ImageHeader(ImageFormat.Png, width, height, malformed, polyglot);
    }

    private static ImageHeader InspectWebP(ReadOnlySpan<byte> d)
    {
        long riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(d[4..]);
        long width = 0, height = 0;
        var polyglot = false;
        var limit = (int)Math.Min(d.Length, riffEnd);
        var i = 12;
        while (i + 8 <= limit)
        {
            var fourcc = d.Slice(i, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(d[(i + 4)..]);
            var dataStart = i + 8;
            var payload = d[dataStart..(int)Math.Min(limit, dataStart + size)];
            if (fourcc.SequenceEqual("VP8X"u8))
            {
                if (payload.Length >= 10)
                {
                    width = 1 + (payload[4] | (payload[5] << 8) | (payload[6] << 16));
                    height = 1 + (payload[7] | (payload[8] << 8) | (payload[9] << 16));
                }
            }
            else if (fourcc.SequenceEqual("VP8 "u8))
            {
                if (width == 0 && payload.Length >= 10 && payload[3] == 0x9D && payload[4] == 0x01 && payload[5] == 0x2A)
                {
                    width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
                    height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
                }
            }
            else if (fourcc.SequenceEqual("VP8L"u8))
            {
                if (width == 0 && payload.Length >= 5 && payload[0] == 0x2F)
                {
                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
                    width = (bits & 0x3FFF) + 1;
                    height = ((bits >> 14) & 0x3FFF) + 1;
                }
            }
            else if (!fourcc.SequenceEqual("ALPH"u8) && !fourcc.SequenceEqual("ANMF"u8) && ContainsMarkup(payload))
            {
                polyglot = true; // EXIF, XMP, ICCP or unknown chunk carrying markup
            }

            var next = dataStart + size + (size & 1);
            if (next > limit) break;
            i = (int)next;
        }

        if (d.Length > riffEnd) polyglot = true; // data after the RIFF container
        var malformed = width <= 0 || height <= 0;
        return new ImageHeader(ImageFormat.WebP, width, height, malformed, polyglot);
    }

    private static readonly byte[][] MarkupMarkers =
    [
        "<script"u8.ToArray(), "<?php"u8.ToArray(), "<html"u8.ToArray(), "<svg"u8.ToArray(),
        "<iframe"u8.ToArray(), "<body"u8.ToArray(), "<object"u8.ToArray(), "<embed"u8.ToArray(),
        "<!doctype"u8.ToArray(),
    ];

    /// <summary>Case-insensitive search for the start of HTML, SVG, script or PHP.</summary>
    internal static bool ContainsMarkup(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var lt = data[i..].IndexOf((byte)'<');
            if (lt < 0) return false;
            i += lt;
            var rest = data[i..];
            foreach (var marker in MarkupMarkers)
            {
                if (rest.Length >= marker.Length && EqualsIgnoreAsciiCase(rest[..marker.Length], marker)) return true;
            }
            i++;
        }
        return false;
    }

    private static bool EqualsIgnoreAsciiCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> lower)
    {
        for (var k = 0; k < a.Length; k++)
        {
            var c = a[k];
            if (c is >= (byte)'A' and <= (byte)'Z') c = (byte)(c + 32);
            if (c != lower[k]) return false;
        }
        return true;
    }
}
