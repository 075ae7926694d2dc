using System.Text;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PosaX.Web.Infrastructure.Email;

public interface IEmailTransport
{
    /// <summary>Delivers one message; <paramref name="messageId"/> is stable across retries.</summary>
    Task SendAsync(Guid messageId, MailMessage mail, CancellationToken ct);
}

/// <summary>Used when SendGrid__ApiKey is set.</summary>
public sealed class SendGridTransport(IOptions<SendGridOptions> options, IHttpClientFactory httpClients) : IEmailTransport
{
    public async Task SendAsync(Guid messageId, MailMessage mail, CancellationToken ct)
    {
        var o = options.Value;
        var clientOptions = new SendGridClientOptions { ApiKey = o.ApiKey };
        if (!string.IsNullOrEmpty(o.BaseUrl)) clientOptions.Host = o.BaseUrl;
        var client = new SendGridClient(httpClients.CreateClient("sendgrid"), clientOptions);
        var from = ParseAddress(o.From);
        var message = MailHelper.CreateSingleEmail(from, new EmailAddress(mail.To), mail.Subject, mail.TextBody, mail.HtmlBody);
        message.AddCustomArg("posax_message_id", messageId.ToString());
        // Top-level "headers" of the v3 API: the same for every recipient (RFC 8058 List-Unsubscribe…).
        if (mail.Headers is { Count: > 0 } headers) message.Headers = headers.ToDictionary();
        var response = await client.SendEmailAsync(message, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"SendGrid answered {(int)response.StatusCode}: {await response.Body.ReadAsStringAsync(ct)}");
    }

    private static EmailAddress ParseAddress(string value)
    {
        var open = value.IndexOf('<');
        return open > 0 && value.EndsWith('>')
            ? new EmailAddress(value[(open + 1)..^1].Trim(), value[..open].Trim())
            : new EmailAddress(value.Trim());
    }
}

/// <summary>
/// The local default: one file per message in Email__PickupDirectory, full text and links, so a
/// newcomer can activate an account without any mail server. Links are logged too.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment env, ILogger<PickupDirectoryTransport> logger) : IEmailTransport
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory, env.ContentRootPath);

    public async Task SendAsync(Guid messageId, MailMessage mail, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var content = new StringBuilder()
            .Append("To: ").AppendLine(mail.To)
            .Append("Subject: ").AppendLine(mail.Subject)
            .Append("Message-Id: ").AppendLine(messageId.ToString())
            .AppendJoin("", (mail.Headers ?? new Dictionary<string, string>()).Select(h => $"{h.Key}: {h.Value}\n"))
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .Append(mail.TextBody)
            .ToString();
        // Named by message id and written atomically: a retry overwrites, never duplicates.
        var path = Path.Combine(Directory, messageId.ToString("N") + ".eml");
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), ct);
        File.Move(temp, path, overwrite: true);
        var links = System.Text.RegularExpressions.Regex.Matches(mail.TextBody, @"https?://\S+").Select(m => m.Value);
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}. Links: {Links}", mail.Subject, mail.To, path, string.Join(" ", links));
    }
}
