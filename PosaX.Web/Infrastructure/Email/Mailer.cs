using System.Net;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Email;

/// <summary>A mail to send: subject, plain text and HTML (both written by <see cref="MailTemplates"/>).</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>
    /// Extra headers every transport sends as given (e.g. RFC 8058's List-Unsubscribe and
    /// List-Unsubscribe-Post). Names and values are one line each: a line break would let a value
    /// forge more headers, so <see cref="Mailer.Queue"/> refuses it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// The language the mail was written in: the one in force when it was composed (its texts read the same
    /// UI culture), so a caller that wraps the composition in <c>Languages.Use(recipient's)</c> gets it right.
    /// Sent as <c>Content-Language</c> (RFC 3282) by <see cref="Mailer.Queue"/>.
    /// </summary>
    public string Language { get; init; } = Text.Languages.Current;

    internal static string? SerializeHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0) return null;
        foreach (var (name, value) in headers)
            if (name.Length == 0 || name.Any(c => c is ':' or '\r' or '\n' || char.IsWhiteSpace(c)) || value.Any(c => c is '\r' or '\n'))
                throw new ArgumentException($"Header {name} is not one line.", nameof(headers));
        return System.Text.Json.JsonSerializer.Serialize(headers);
    }

    internal static IReadOnlyDictionary<string, string>? DeserializeHeaders(string? json) =>
        json is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json);
}

/// <summary>
/// Queues mails into the outbox of the current DbContext. Nothing is sent here: the caller's
/// SaveChanges (or transaction) decides, and <see cref="OutboxSender"/> delivers afterwards.
/// </summary>
public sealed class Mailer(PosaXDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public void Queue(MailMessage mail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            To = mail.To,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Headers = MailMessage.SerializeHeaders(new Dictionary<string, string>(mail.Headers ?? new Dictionary<string, string>())
            {
                ["Content-Language"] = mail.Language,
            }),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        // Wake the sender; it finds the row only once the caller has committed.
        signal.Notify();
    }
}

/// <summary>Lets a request wake the background sender instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

/// <summary>The house layout of every mail; each feature writes its own mails' words (e.g. AuthTexts.Mails).</summary>
public static class MailTemplates
{
    /// <summary>
    /// A value typed by someone (a moderation reason) as a sentence of a mail: one full stop at
    /// the end, whether or not it was typed ("Copie." never becomes "Copie..").
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && ".!?…".Contains(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    /// <summary>The house layout of a mail: greeting, a sentence, the one link that matters, a footer.</summary>
    public static MailMessage Build(string to, string subject, string greeting, string intro, Uri? link, string? footer)
    {
        var text = $"{greeting}\n\n{intro}\n{(link is null ? "" : link + "\n")}\n{(footer is null ? "" : footer + "\n\n")}{InfrastructureTexts.Mail.Signature}\n";
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="{Languages.Current}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{e(greeting)}</p><p>{e(intro)}</p>
            {(link is null ? "" : $"<p><a href=\"{e(link.AbsoluteUri)}\">{e(link.AbsoluteUri)}</a></p>")}
            {(footer is null ? "" : $"<p>{e(footer).Replace("\n", "<br>")}</p>")}
            <p>{InfrastructureTexts.Mail.Signature}</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }
}
