using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.Faults;

/// <summary>
/// The invariants of the media store against the database, after any fault: no work without a
/// picture, every picture row has its files, every file on disk belongs to a row, nothing left in
/// staging but the running app's own (empty) working folder.
/// </summary>
public static partial class MediaInvariants
{
    /// <summary>Every broken invariant, in words; empty when the store and the database agree.</summary>
    public static async Task<List<string>> ProblemsAsync(PosaXDbContext db, string mediaRoot)
    {
        var problems = new List<string>();
        var bare = await db.Artworks.Where(a => !a.Images.Any()).Select(a => a.Title).ToListAsync();
        problems.AddRange(bare.Select(t => $"work \"{t}\" has no picture"));

        var images = await db.ArtworkImages.Select(i => new { i.Key, i.Widths }).ToListAsync();
        var photos = await db.Users.Where(u => u.PhotoKey != null).Select(u => u.PhotoKey!).ToListAsync();
        foreach (var image in images)
        {
            var expected = image.Widths.Split(',').Select(w => $"{w}.webp").Append(ImagePipeline.OgFileName);
            problems.AddRange(expected.Where(f => !File.Exists(Path.Combine(mediaRoot, image.Key, f)))
                .Select(f => $"picture {image.Key} lacks {f}"));
        }
        foreach (var key in photos)
            problems.AddRange(ImagePipeline.ProfileWidths.Select(w => $"{w}.webp").Where(f => !File.Exists(Path.Combine(mediaRoot, key, f)))
                .Select(f => $"profile photo {key} lacks {f}"));

        var referenced = images.Select(i => i.Key).Concat(photos).ToHashSet(StringComparer.Ordinal);
        if (images.Count != images.Select(i => i.Key).Distinct().Count()) problems.Add("a picture key is used by two rows");
        if (!Directory.Exists(mediaRoot)) return problems;
        foreach (var file in Directory.EnumerateFiles(mediaRoot, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(mediaRoot, file).Replace('\\', '/');
            if (relative.StartsWith(".staging/", StringComparison.Ordinal))
            {
                if (!AllowedInStaging(mediaRoot, relative, referenced)) problems.Add($"left in staging: {relative}");
                continue;
            }
            var key = KeyOf().Match(relative);
            if (!key.Success) problems.Add($"stray file: {relative}");
            else if (!referenced.Contains(key.Groups[1].Value)) problems.Add($"orphan file (no row): {relative}");
        }
        return problems;
    }

    /// <summary>
    /// Staging may hold the running app's working folder: its lock file, and markers of the keys it
    /// stored whose rows exist. A picture, a marker without a row, or a dead app's folder is a leftover.
    /// </summary>
    private static bool AllowedInStaging(string mediaRoot, string relative, HashSet<string> referenced)
    {
        var parts = relative.Split('/');
        if (parts.Length < 3 || !parts[1].StartsWith("i-", StringComparison.Ordinal)) return false;
        if (!HeldByALiveApp(Path.Combine(mediaRoot, parts[0], parts[1], ".lock"))) return false;
        if (parts.Length == 3) return parts[2] == ".lock";
        return parts.Length == 4 && parts[2] == "keys" && referenced.Contains(parts[3].Replace('_', '/'));
    }

    /// <summary>The app holds its working folder's lock file open exclusively (flock) while it runs.</summary>
    private static bool HeldByALiveApp(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException) { return false; }
        catch (DirectoryNotFoundException) { return false; }
        catch (IOException) { return true; }
    }

    [GeneratedRegex("^([pa]/[0-9]{4}/[0-9a-f]{32})/[^/]+$")]
    private static partial Regex KeyOf();
}
