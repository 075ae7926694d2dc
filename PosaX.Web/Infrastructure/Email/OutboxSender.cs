using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox: due messages, oldest first, with exponential back-off on failure.
/// Several instances may run it on one database: a sender first claims a batch by pushing its
/// NextAttemptAt a lease ahead (<see cref="EmailOptions.SendLease"/>; on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two senders never claim the same mail), then sends it. A sender
/// that dies mid-batch leaves its mails to whoever polls after the lease.
/// Delivery is at-least-once (a crash between sending and marking sends again); the pickup
/// transport is idempotent by message id.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options,
    TimeProvider clock, IHostEnvironment environment, ILogger<OutboxSender> logger) : BackgroundService
{
    public const int MaxAttempts = 12;
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
            if (environment.IsProduction() && scope.ServiceProvider.GetRequiredService<IEmailTransport>() is PickupDirectoryTransport)
                logger.LogWarning("No SendGrid__ApiKey: mails are only written to {Directory}; nobody can activate an account.", options.Value.PickupDirectory);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: try again at the next tick.
                logger.LogWarning(e, "Outbox delivery pass failed");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>One pass over due messages; returns how many were handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var due = await ClaimAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        foreach (var message in due.OrderBy(m => m.CreatedAt))
        {
            message.Attempts++;
            try
            {
                await transport.SendAsync(message.Id, new MailMessage(message.To, message.Subject, message.TextBody, message.HtmlBody) { Headers = MailMessage.DeserializeHeaders(message.Headers) }, ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, message.Attempts - 1)));
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + delay;
                message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempt}), next try in {Delay}: {Error}",
                    message.Id, message.To, message.Attempts, delay, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    /// <summary>Due messages, now this sender's until the lease ends (saved before anything is sent).</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(PosaXDbContext db, DateTime now, CancellationToken ct)
    {
        var leaseEnd = now + options.Value.SendLease;
        if (db.Database.IsNpgsql())
        {
            // One statement: rows another sender holds locked are skipped, not waited for.
            return await db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" AS m SET "NextAttemptAt" = {leaseEnd}
                FROM (SELECT "Id" FROM "OutboxMessages"
                      WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Attempts" < {MaxAttempts}
                      ORDER BY "NextAttemptAt" LIMIT {BatchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE m."Id" = due."Id"
                RETURNING m.*
                """).ToListAsync(ct);
        }
        // SQLite: a writer holds the whole file, so a plain read-then-save claims as surely.
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < MaxAttempts)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var message in due) message.NextAttemptAt = leaseEnd;
        await db.SaveChangesAsync(ct);
        return due;
    }
}
