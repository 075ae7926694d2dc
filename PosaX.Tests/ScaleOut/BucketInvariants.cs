using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// The media invariant of the fault suite, for the bucket: every picture row has its objects, and
/// every object belongs to a row (no object without a row).
/// </summary>
public static class BucketInvariants
{
    public static async Task<List<string>> ProblemsAsync(PosaXDbContext db, S3MediaStore bucket)
    {
        var problems = new List<string>();
        var images = await db.ArtworkImages.Select(i => new { i.Key, i.Widths }).ToListAsync();
        var photos = await db.Users.Where(u => u.PhotoKey != null).Select(u => u.PhotoKey!).ToListAsync();
        var objects = (await bucket.ListAsync("")).ToHashSet(StringComparer.Ordinal);
        foreach (var image in images)
            problems.AddRange(image.Widths.Split(',').Select(w => $"{w}.webp").Append(ImagePipeline.OgFileName)
                .Where(f => !objects.Contains($"{image.Key}/{f}")).Select(f => $"picture {image.Key} lacks {f}"));
        foreach (var key in photos)
            problems.AddRange(ImagePipeline.ProfileWidths.Select(w => $"{w}.webp")
                .Where(f => !objects.Contains($"{key}/{f}")).Select(f => $"profile photo {key} lacks {f}"));
        var referenced = images.Select(i => i.Key).Concat(photos).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(objects.Where(o => !referenced.Contains(o[..Math.Max(0, o.LastIndexOf('/'))]))
            .Select(o => $"object {o} belongs to no row"));
        return problems;
    }
}
