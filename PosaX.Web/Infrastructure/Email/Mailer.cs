using System.Net;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Email;

/// <summary>A mail to send: subject, plain text and HTML (both written by <see cref="MailTemplates"/>).</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string HtmlBody);

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

/// <summary>French mail templates. One place, so an English version can follow.</summary>
public static class MailTemplates
{
    public static MailMessage Activation(string to, string name, Uri link) => Build(to,
        "Activez votre compte PosaX",
        $"Bonjour {name},",
        "Bienvenue sur PosaX ! Pour activer votre compte d'artiste, ouvrez ce lien (valable 48 heures) :",
        link,
        "Si vous n'avez pas créé de compte sur PosaX, ignorez ce message.");

    public static MailMessage AlreadyRegistered(string to, string name, Uri loginLink, Uri resetLink) => Build(to,
        "Votre compte PosaX existe déjà",
        $"Bonjour {name},",
        "Quelqu'un (vous, peut-être) a essayé de créer un compte PosaX avec cette adresse, qui en a déjà un. " +
        "Pour vous connecter, ouvrez ce lien :",
        loginLink,
        $"Mot de passe oublié ? Choisissez-en un nouveau ici : {resetLink}\nSi ce n'était pas vous, ignorez ce message : votre compte n'a pas changé.");

    public static MailMessage PasswordReset(string to, string name, Uri link) => Build(to,
        "Réinitialisez votre mot de passe PosaX",
        $"Bonjour {name},",
        "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 48 heures) :",
        link,
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.");

    public static MailMessage PasswordChanged(string to, string name, Uri resetLink) => Build(to,
        "Votre mot de passe PosaX a changé",
        $"Bonjour {name},",
        "Le mot de passe de votre compte vient d'être changé et toutes vos sessions ont été fermées. " +
        "Si ce n'était pas vous, réinitialisez-le tout de suite :",
        resetLink,
        null);

    /// <summary>The house layout of a mail: greeting, a sentence, the one link that matters, a footer.</summary>
    public static MailMessage Build(string to, string subject, string greeting, string intro, Uri? link, string? footer)
    {
        var text = $"{greeting}\n\n{intro}\n{(link is null ? "" : link + "\n")}\n{(footer is null ? "" : footer + "\n\n")}L'équipe PosaX\n";
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5">
            <p>{e(greeting)}</p><p>{e(intro)}</p>
            {(link is null ? "" : $"<p><a href=\"{e(link.AbsoluteUri)}\">{e(link.AbsoluteUri)}</a></p>")}
            {(footer is null ? "" : $"<p>{e(footer).Replace("\n", "<br>")}</p>")}
            <p>L'équipe PosaX</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }
}
