using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// At start, before serving: the working folders of processes that died (a crash, <c>kill -9</c>, a
/// container stopped hard) are cleared. Pictures they stored whose row never committed are deleted;
/// those a row refers to stay; unfinished uploads go with the folder. See <see cref="ImagePipeline"/>.
/// </summary>
public static class MediaRecovery
{
    /// <summary>Keys per database query (an IN list / array parameter).</summary>
    private const int Chunk = 500;

    public sealed record Outcome(int Folders, int OrphanPictures, int KeptPictures);

    public static async Task<Outcome> SweepAsync(ImagePipeline images, PosaXDbContext db, ILogger logger, CancellationToken ct = default)
    {
        int folders = 0, orphans = 0, kept = 0;
        foreach (var folder in images.ClaimAbandonedFolders())
        {
            using (folder)
            {
                var referenced = await ReferencedAsync(db, folder.StoredKeys, ct);
                var orphanKeys = folder.StoredKeys.Where(k => !referenced.Contains(k)).ToList();
                folder.Clear(orphanKeys);
                folders++;
                orphans += orphanKeys.Count;
                kept += folder.StoredKeys.Count - orphanKeys.Count;
            }
        }
        // Leftovers of versions that staged outside working folders.
        images.SweepStaging(TimeSpan.FromMinutes(30));
        if (folders > 0)
            logger.LogWarning("Cleared {Folders} working folders of stopped processes: {Orphans} pictures without a row deleted, {Kept} kept",
                folders, orphans, kept);
        return new Outcome(folders, orphans, kept);
    }

    /// <summary>The keys a work's picture or an artist's photo refers to.</summary>
    private static async Task<HashSet<string>> ReferencedAsync(PosaXDbContext db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            referenced.UnionWith(await db.ArtworkImages.Where(i => chunk.Contains(i.Key)).Select(i => i.Key).ToListAsync(ct));
            referenced.UnionWith(await db.Users.Where(u => u.PhotoKey != null && chunk.Contains(u.PhotoKey)).Select(u => u.PhotoKey!).ToListAsync(ct));
        }
        return referenced;
    }
}
