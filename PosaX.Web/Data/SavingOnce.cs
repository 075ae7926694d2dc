using Microsoft.EntityFrameworkCore;

namespace PosaX.Web.Data;

/// <summary>
/// Writing under EF's retrying execution strategy (PostgreSQL retries a dropped connection, e.g. a
/// restarted server) without writing twice: the one way a handler commits more than a plain
/// SaveChanges. Both shapes run their own transaction inside the strategy, as the strategy requires.
/// </summary>
public static class SavingOnce
{
    /// <summary>
    /// Saves the tracked changes in one transaction. A connection lost while committing leaves the
    /// commit unknown: before retrying, <paramref name="committed"/> looks for what this save wrote
    /// (a key unique to the request) and a save found counts as done, so nothing is written twice.
    /// </summary>
    public static async Task SaveOnceAsync(this DbContext db, Func<CancellationToken, Task<bool>> committed, CancellationToken ct)
    {
        // No savepoint inside our own transaction: it adds round trips, and a connection lost while
        // releasing it surfaces as a disposed transaction that the strategy does not retry.
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            token => db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token), committed, ct);
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>
    /// Runs <paramref name="work"/> (reads, then writes) in one transaction and commits. A retry
    /// starts again from a clean change tracker and re-reads everything, so the work must decide
    /// from what it reads (e.g. find the row a commit whose reply was lost did write).
    /// </summary>
    public static Task<T> InOneTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var result = await work(cancel);
            await transaction.CommitAsync(cancel);
            return result;
        }, ct);
}
