using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox: due messages, oldest first, with exponential back-off on failure.
/// Delivery is at-least-once (a crash between sending and marking sends again); the pickup
/// transport is idempotent by message id.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options,
    TimeProvider clock, IHostEnvironment environment, ILogger<OutboxSender> logger) : BackgroundService
{
    public const int MaxAttempts = 12;

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
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < MaxAttempts)
            .OrderBy(m => m.NextAttemptAt)
            .Take(20)
            .ToListAsync(ct);
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await transport.SendAsync(message.Id, new MailMessage(message.To, message.Subject, message.TextBody, message.HtmlBody), ct);
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
}
