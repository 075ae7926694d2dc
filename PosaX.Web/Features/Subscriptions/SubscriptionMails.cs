using System.Globalization;
using System.Net;
using System.Text;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>A new work as a digest mail shows it: absolute links only (the picture is its WebP variant).</summary>
public sealed record DigestWork(string Title, string ArtistName, long Price, Uri Link, Uri? Picture, int PictureWidth, int PictureHeight);

/// <summary>
/// The layout of follow and alert mails: the house layout (<see cref="MailTemplates.Build"/>'s order:
/// greeting, a sentence, the link that matters) with the new works as cards, and what every one of
/// these mails carries: a visible unsubscribe link and RFC 8058's one-click headers.
/// </summary>
public static class SubscriptionMails
{
    /// <summary>Pictures in mails: the smallest variant at least this wide.</summary>
    public const int PictureWidth = 320;

    public static MailMessage Build(string to, string subject, string greeting, string intro, Uri? link, string? linkLabel,
        IReadOnlyList<DigestWork> works, string footer, string unsubscribeLine, Uri unsubscribeLink)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append('\n');
        foreach (var work in works)
            text.Append('\n').Append(work.Title).Append(" — ").Append(SubscriptionsTexts.Mails.By(work.ArtistName))
                .Append(" — ").Append(SubscriptionsTexts.Mails.Price(work.Price)).Append('\n').Append(work.Link.AbsoluteUri).Append('\n');
        if (link is not null) text.Append(works.Count > 0 ? "\n" + linkLabel + Colon + "\n" : "").Append(link.AbsoluteUri).Append('\n');
        text.Append('\n').Append(footer).Append("\n\n").Append(unsubscribeLine).Append('\n').Append(unsubscribeLink.AbsoluteUri)
            .Append("\n\n").Append(InfrastructureTexts.Mail.Signature).Append('\n');

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append($"<!doctype html><html lang=\"{Languages.Current}\"><body style=\"font-family:sans-serif;line-height:1.5;max-width:600px\">")
            .Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(intro)).Append("</p>");
        foreach (var work in works)
        {
            html.Append("<div style=\"margin:0 0 24px\"><a href=\"").Append(E(work.Link.AbsoluteUri)).Append("\">");
            if (work.Picture is not null)
            {
                var height = work.PictureWidth > 0 ? (int)Math.Round(PictureWidth * (double)work.PictureHeight / work.PictureWidth) : 0;
                html.Append("<img src=\"").Append(E(work.Picture.AbsoluteUri)).Append("\" width=\"").Append(PictureWidth.ToString(CultureInfo.InvariantCulture))
                    .Append(height > 0 ? $"\" height=\"{height.ToString(CultureInfo.InvariantCulture)}" : "")
                    .Append("\" alt=\"\" style=\"display:block;max-width:100%;height:auto;border:0\"><br>");
            }
            html.Append("<strong>").Append(E(work.Title)).Append("</strong></a><br>")
                .Append(E(SubscriptionsTexts.Mails.By(work.ArtistName))).Append("<br>")
                .Append("<strong>").Append(E(SubscriptionsTexts.Mails.Price(work.Price))).Append("</strong></div>");
        }
        if (link is not null)
            html.Append("<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(linkLabel ?? link.AbsoluteUri)).Append("</a></p>");
        html.Append("<p style=\"color:#555;font-size:14px\">").Append(E(footer)).Append("<br>").Append(E(unsubscribeLine))
            .Append(" <a href=\"").Append(E(unsubscribeLink.AbsoluteUri)).Append("\">").Append(E(unsubscribeLink.AbsoluteUri)).Append("</a></p>")
            .Append("<p>").Append(E(InfrastructureTexts.Mail.Signature)).Append("</p></body></html>");

        return new MailMessage(to, subject, text.ToString(), html.ToString())
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribeLink.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    /// <summary>The linkLabel of the text part ends with " :" written by the layout: keep French spacing.</summary>
    internal const string Colon = "\u00A0:";
}
