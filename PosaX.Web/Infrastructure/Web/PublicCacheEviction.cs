using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The public cache follows the data: every SaveChanges is read for changes the public can see
/// (an artist's profile, activation or suspension; a work, its photos, its status; a category),
/// mapped to the tags of the pages that show them, and those tags are evicted once the change is
/// committed — so no handler evicts by hand, and none can forget to (a password reset that
/// activates an account evicts exactly as the activation link does).
/// <para>When: at the commit of the transaction that holds the change (EF's own around a plain
/// SaveChanges, or a handler's under <see cref="SavingOnce"/>); right after SaveChanges when no
/// transaction was used. A commit whose outcome is unknown (the connection lost while committing)
/// evicts too: a page rebuilt for nothing costs one render, a stale page costs trust.</para>
/// <para>Not seen: writes that bypass the change tracker (ExecuteUpdate/ExecuteDelete, raw SQL).
/// None touches what the public sees except with a tracked change in the same transaction (a
/// category rename rewrites search texts by SQL, and the renamed category is tracked).</para>
/// </summary>
public sealed class PublicCacheEviction(PublicCache cache, Images.WithheldMedia withheld) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Per context: the tags of changes saved but not yet committed.
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();
    // Per context: a change saved but not yet committed may withhold or release media (WithheldMedia).
    private readonly ConditionalWeakTable<DbContext, object> _mediaPending = new();

    /// <summary>
    /// What an artist's row holds that the public never sees: Identity's own columns (password,
    /// stamps, lockout, two-factor…) but the activation flag, and the suspension's reason. Any other
    /// column, including one added later, is taken as public: a needless eviction costs a render.
    /// </summary>
    private static readonly HashSet<string> PrivateArtistProperties =
    [
        .. typeof(IdentityUser<Guid>).GetProperties().Select(p => p.Name).Where(name => name != nameof(IdentityUser.EmailConfirmed)),
        nameof(Artist.SuspendedReason),
        nameof(Artist.LastTotpStep),
        nameof(Artist.TermsVersion),
        nameof(Artist.TermsAcceptedAt),
        nameof(Artist.Language),
    ];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await CollectAsync(context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) CollectAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context) await FlushAsync(context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context) FlushAsync(context).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context) await FlushAsync(context);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context) FlushAsync(context).GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await FlushAsync(context);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) FlushAsync(context).GetAwaiter().GetResult();
    }

    // The commit may have reached the database before the error.
    public async Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await FlushAsync(context);
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Context is { } context) FlushAsync(context).GetAwaiter().GetResult();
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) lock (_pending) { _pending.Remove(context); _mediaPending.Remove(context); }
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) lock (_pending) { _pending.Remove(context); _mediaPending.Remove(context); }
    }

    private async Task CollectAsync(DbContext context, CancellationToken ct)
    {
        var tags = new HashSet<string>();
        var artistsChanged = new HashSet<Guid>();
        var worksOfUnknownArtist = new HashSet<long>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (ChangesWithheldMedia(entry)) lock (_pending) _mediaPending.AddOrUpdate(context, true);
            switch (entry.Entity)
            {
                case Artwork work:
                    tags.UnionWith([PublicCache.CatalogueTag, PublicCache.ArtworkTag(work.Id), PublicCache.ArtistTag(work.ArtistId)]);
                    break;
                case ArtworkImage image:
                    // Covers show on cards: the listings, the work's page, its artist's page.
                    tags.UnionWith([PublicCache.CatalogueTag, PublicCache.ArtworkTag(image.ArtworkId)]);
                    if (context.ChangeTracker.Entries<Artwork>().FirstOrDefault(w => w.Entity.Id == image.ArtworkId) is { } owner)
                        tags.Add(PublicCache.ArtistTag(owner.Entity.ArtistId));
                    else worksOfUnknownArtist.Add(image.ArtworkId);
                    break;
                case Category:
                    tags.UnionWith([PublicCache.CatalogueTag, PublicCache.PagesTag]);
                    break;
                case Artist artist when IsPublicChange(entry):
                    artistsChanged.Add(artist.Id);
                    break;
            }
        }
        if (artistsChanged.Count > 0)
        {
            // Their page, the listings, and every page that shows one of their works (a work page
            // carries the tags of the similar works it shows, not of their artists).
            tags.Add(PublicCache.CatalogueTag);
            tags.UnionWith(artistsChanged.Select(PublicCache.ArtistTag));
            var works = await context.Set<Artwork>().AsNoTracking().Where(a => artistsChanged.Contains(a.ArtistId)).Select(a => a.Id).ToListAsync(ct);
            tags.UnionWith(works.Select(PublicCache.ArtworkTag));
        }
        if (worksOfUnknownArtist.Count > 0)
        {
            var artists = await context.Set<Artwork>().AsNoTracking().Where(a => worksOfUnknownArtist.Contains(a.Id)).Select(a => a.ArtistId).Distinct().ToListAsync(ct);
            tags.UnionWith(artists.Select(PublicCache.ArtistTag));
        }
        if (tags.Count == 0) return;
        lock (_pending) _pending.GetOrCreateValue(context).UnionWith(tags);
    }

    /// <summary>
    /// A new account is not public until activated (that is a change of a public column); a
    /// deleted one leaves the site. Otherwise, any public column modified.
    /// </summary>
    private static bool IsPublicChange(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => false,
        EntityState.Deleted => true,
        _ => entry.Properties.Any(p => p.IsModified && !PrivateArtistProperties.Contains(p.Metadata.Name)),
    };

    /// <summary>A work hidden or shown, an artist suspended or reactivated, a picture added (perhaps to a hidden work).</summary>
    private static bool ChangesWithheldMedia(EntityEntry entry) => entry switch
    {
        { Entity: Artwork, State: EntityState.Modified } => entry.Property(nameof(Artwork.HiddenAt)).IsModified,
        { Entity: Artist, State: EntityState.Modified } => entry.Property(nameof(Artist.SuspendedAt)).IsModified || entry.Property(nameof(Artist.PhotoKey)).IsModified,
        { Entity: ArtworkImage, State: EntityState.Added } => true,
        _ => false,
    };

    private async Task FlushAsync(DbContext context)
    {
        string[] tags;
        bool media;
        lock (_pending)
        {
            media = _mediaPending.TryGetValue(context, out _);
            _mediaPending.Remove(context);
            if (!_pending.TryGetValue(context, out var pending)) tags = [];
            else
            {
                _pending.Remove(context);
                tags = [.. pending];
            }
        }
        // Before the request that made the change answers: the admin sees the pictures gone at once.
        if (media)
        {
            try { await withheld.RefreshAsync(); }
            catch (Exception e) when (e is not OperationCanceledException) { /* WithheldMedia reads again on the next media request */ }
        }
        if (tags.Length > 0) await cache.EvictAsync(tags);
    }
}
