using System.Net;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Orders;

/// <summary>What an order is about, for the buyer's WhatsApp message and the artist's mail.</summary>
public sealed record OrderSummary(
    string Reference, string ArtworkTitle, long Price, Uri ArtworkUrl,
    string BuyerName, string BuyerPhone, string? BuyerEmail, string? Message);

/// <summary>The text of placing an order, in one place: form, answers, WhatsApp message, mails.</summary>
public static class OrderTexts
{
    private static readonly TextResources Strings = new(typeof(OrderTexts));

    public static string NameRequired => Strings["NameRequired"];
    public static string NameTooLong => Strings["NameTooLong"];
    public static string PhoneRequired => Strings["PhoneRequired"];
    public static string PhoneInvalid => Strings["PhoneInvalid"];
    public static string EmailInvalid => Strings["EmailInvalid"];
    public static string MessageTooLong => Strings["MessageTooLong"];
    public static string NotOffered => Strings["NotOffered"];
    public static string AlreadySold => Strings["AlreadySold"];
    public static string AlreadyReserved => Strings["AlreadyReserved"];
    public static string OwnWork => Strings["OwnWork"];
    public static string PageTitle => Strings["PageTitle"];
    public static string BackToCatalogue => Strings["BackToCatalogue"];
    public static string BackToWork => Strings["BackToWork"];

    /// <summary>The order form on the work page (_OrderForm).</summary>
    public static class Form
    {
        public static string NoScriptLink => Strings["Form.NoScriptLink"];
        public static string NoScriptHint => Strings["Form.NoScriptHint"];
        public static string Heading => Strings["Form.Heading"];
        public static string Hint => Strings["Form.Hint"];
        public static string Name => Strings["Form.Name"];
        public static string Phone => Strings["Form.Phone"];
        public static string Email => Strings["Form.Email"];
        public static string Message => Strings["Form.Message"];
        public static string Submit => Strings["Form.Submit"];
    }

    /// <summary>An order's status, as the artist's orders page shows it.</summary>
    public static string StatusLabel(OrderStatus status) => status switch
    {
        OrderStatus.New => Strings["StatusLabel.New"],
        OrderStatus.Contacted => Strings["StatusLabel.Contacted"],
        OrderStatus.Reserved => Strings["StatusLabel.Reserved"],
        OrderStatus.Sold => Strings["StatusLabel.Sold"],
        OrderStatus.Cancelled => Strings["StatusLabel.Cancelled"],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The button's wording: what the artist does.</summary>
    public static string StatusAction(OrderStatus status) => status switch
    {
        OrderStatus.Contacted => Strings["StatusAction.Contacted"],
        OrderStatus.Reserved => Strings["StatusAction.Reserved"],
        OrderStatus.Sold => Strings["StatusAction.Sold"],
        OrderStatus.Cancelled => Strings["StatusAction.Cancelled"],
        _ => StatusLabel(status),
    };

    public static string Placed(string reference) => Strings.Format("Placed", reference);

    /// <summary>The order's confirmation page, /commandes/{reference}/{secret}.</summary>
    public static class Confirmation
    {
        public static string Title => Strings["Confirmation.Title"];
        public static string Heading => Strings["Confirmation.Heading"];
        public static string ReferenceLabel => Strings["Confirmation.ReferenceLabel"];
        public static string ReferenceHint => Strings["Confirmation.ReferenceHint"];
        public static string WorkHeading => Strings["Confirmation.WorkHeading"];
        public static string By => Strings["Confirmation.By"];
        public static string NextHeading => Strings["Confirmation.NextHeading"];
        public static string StepWrite => Strings["Confirmation.StepWrite"];
        public static string StepAgree => Strings["Confirmation.StepAgree"];
        public static string StepMailed => Strings["Confirmation.StepMailed"];
        public static string OpenWhatsApp => Strings["Confirmation.OpenWhatsApp"];
        public static string MailSent => Strings["Confirmation.MailSent"];
        public static string BackToCatalogue => Strings["Confirmation.BackToCatalogue"];
        public static string HowToBuy => Strings["Confirmation.HowToBuy"];

        public static string StepCalled(string buyerPhone) => Strings.Format("Confirmation.StepCalled", WhatsAppNumber.Display(buyerPhone));

        public static string NoWhatsApp(string buyerPhone) => Strings.Format("Confirmation.NoWhatsApp", WhatsAppNumber.Display(buyerPhone));
    }

    /// <summary>The words of the two order mails; their layout is <see cref="BuyerMail"/>'s and <see cref="ArtistMail"/>'s.</summary>
    public static class Mails
    {
        public static string Greeting(string name) => Strings.Format("Mails.Greeting", name);
        /// <summary>A label and its value on one line ("Référence : PX-…").</summary>
        public static string Line(string label, string value) => Strings.Format("Mails.Line", label, value);
        /// <summary>A label that introduces what the next line holds ("Son message :").</summary>
        public static string Heading(string label) => Strings.Format("Mails.Heading", label);
        /// <summary>A work's title in the language's quotation marks.</summary>
        public static string Quoted(string title) => Strings.Format("Mails.Quoted", title);
        public static string Reference => Strings["Mails.Reference"];
        public static string Work => Strings["Mails.Work"];
        public static string Artist => Strings["Mails.Artist"];
        public static string Buyer => Strings["Mails.Buyer"];
        public static string Phone => Strings["Mails.Phone"];
        public static string Email => Strings["Mails.Email"];
        public static string TheWork => Strings["Mails.TheWork"];

        public static string BuyerSubject(string reference, string title) => Strings.Format("Mails.BuyerSubject", reference, title);
        /// <summary>{1} is the work's title, quoted (and a link in the HTML part).</summary>
        public static string BuyerReceived(string artistName, string quotedTitle) => Strings.Format("Mails.BuyerReceived", artistName, quotedTitle);
        public static string BuyerWriteOnWhatsApp => Strings["Mails.BuyerWriteOnWhatsApp"];
        public static string BuyerWriteTo(string artistName) => Strings.Format("Mails.BuyerWriteTo", artistName);
        public static string YourRequest => Strings["Mails.YourRequest"];
        public static string ReviewRequest => Strings["Mails.ReviewRequest"];

        public static string ArtistSubject(string reference, string title) => Strings.Format("Mails.ArtistSubject", reference, title);
        /// <summary>{1} is the work's title, quoted (and a link in the HTML part).</summary>
        public static string ArtistWantsToBuy(string buyerName, string quotedTitle) => Strings.Format("Mails.ArtistWantsToBuy", buyerName, quotedTitle);
        public static string TheirMessage => Strings["Mails.TheirMessage"];
        public static string WriteToBuyer => Strings["Mails.WriteToBuyer"];
        public static string FollowOrders => Strings["Mails.FollowOrders"];
        public static string FollowOrdersLink => Strings["Mails.FollowOrdersLink"];
    }

    /// <summary>The buyer's confirmation mail, when an address was given.</summary>
    public static MailMessage BuyerMail(string to, string artistName, OrderSummary order, Uri confirmationPage, Uri? artistChat)
    {
        var subject = Mails.BuyerSubject(order.Reference, order.ArtworkTitle);
        var lines = new List<(string Label, string Value)>
        {
            (Mails.Reference, order.Reference),
            (Mails.Work, $"{order.ArtworkTitle} ({Money.Fcfa(order.Price)})"),
            (Mails.Artist, artistName),
        };
        var next = artistChat is null ? Confirmation.NoWhatsApp(order.BuyerPhone) : Mails.BuyerWriteOnWhatsApp;
        var signature = InfrastructureTexts.Mail.Signature;
        var text = $"{Mails.Greeting(order.BuyerName)}\n\n" +
            $"{Mails.BuyerReceived(artistName, Mails.Quoted(order.ArtworkTitle))}\n\n" +
            string.Concat(lines.Select(l => Mails.Line(l.Label, l.Value) + "\n")) +
            $"\n{next}\n" +
            (artistChat is null ? "" : $"{artistChat.AbsoluteUri}\n") +
            $"\n{Confirmation.StepAgree}\n" +
            $"\n{Mails.Line(Mails.YourRequest, confirmationPage.AbsoluteUri)}\n" +
            $"{Mails.Line(Mails.TheWork, order.ArtworkUrl.AbsoluteUri)}\n\n{signature}\n";

        // The resources' sentences go into the HTML as written; what they hold (names, titles) is encoded.
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="{Languages.Current}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{Mails.Greeting(e(order.BuyerName))}</p>
            <p>{Mails.BuyerReceived(e(artistName), $"<a href=\"{e(order.ArtworkUrl.AbsoluteUri)}\">{Mails.Quoted(e(order.ArtworkTitle))}</a>")}</p>
            <ul>{string.Concat(lines.Select(l => $"<li>{Mails.Line(e(l.Label), e(l.Value))}</li>"))}</ul>
            <p>{e(next)}</p>
            {(artistChat is null ? "" : $"<p><a href=\"{e(artistChat.AbsoluteUri)}\">{Mails.BuyerWriteTo(e(artistName))}</a></p>")}
            <p>{e(Confirmation.StepAgree)}</p>
            <p><a href="{e(confirmationPage.AbsoluteUri)}">{Mails.ReviewRequest}</a></p>
            <p>{signature}</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }

    public static string PlacedWithoutWhatsApp(string reference, string phone) =>
        Strings.Format("PlacedWithoutWhatsApp", reference, WhatsAppNumber.Display(phone));

    /// <summary>What the buyer sends the artist on WhatsApp: everything needed to answer.</summary>
    public static string WhatsAppMessage(OrderSummary order) =>
        Strings.Format("WhatsAppMessage", order.ArtworkTitle, Money.Fcfa(order.Price), order.ArtworkUrl.AbsoluteUri, order.Reference, order.BuyerName);

    /// <summary>The artist's answer to the buyer, from the mail or the orders page.</summary>
    public static string BuyerChatLink(string buyerPhone, string buyerName, string reference, string artworkTitle) =>
        WhatsAppNumber.ChatLink(buyerPhone, Strings.Format("BuyerChatMessage", buyerName, reference, artworkTitle));

    public static MailMessage ArtistMail(string to, string artistName, OrderSummary order, Uri ordersPage)
    {
        var buyerChat = BuyerChatLink(order.BuyerPhone, order.BuyerName, order.Reference, order.ArtworkTitle);
        var subject = Mails.ArtistSubject(order.Reference, order.ArtworkTitle);
        var lines = new List<(string Label, string Value)>
        {
            (Mails.Reference, order.Reference),
            (Mails.Work, $"{order.ArtworkTitle} ({Money.Fcfa(order.Price)})"),
            (Mails.Buyer, order.BuyerName),
            (Mails.Phone, WhatsAppNumber.Display(order.BuyerPhone)),
        };
        if (order.BuyerEmail is not null) lines.Add((Mails.Email, order.BuyerEmail));

        var signature = InfrastructureTexts.Mail.Signature;
        var text = $"{Mails.Greeting(artistName)}\n\n" +
            $"{Mails.ArtistWantsToBuy(order.BuyerName, Mails.Quoted(order.ArtworkTitle))}\n\n" +
            string.Concat(lines.Select(l => Mails.Line(l.Label, l.Value) + "\n")) +
            (order.Message is null ? "" : $"\n{Mails.Heading(Mails.TheirMessage)}\n{order.Message}\n") +
            $"\n{Mails.Heading(Mails.WriteToBuyer)}\n{buyerChat}\n" +
            $"\n{Mails.Line(Mails.TheWork, order.ArtworkUrl.AbsoluteUri)}\n" +
            $"{Mails.Line(Mails.FollowOrders, ordersPage.AbsoluteUri)}\n\n{signature}\n";

        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="{Languages.Current}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{Mails.Greeting(e(artistName))}</p>
            <p>{Mails.ArtistWantsToBuy(e(order.BuyerName), $"<a href=\"{e(order.ArtworkUrl.AbsoluteUri)}\">{Mails.Quoted(e(order.ArtworkTitle))}</a>")}</p>
            <ul>{string.Concat(lines.Select(l => $"<li>{Mails.Line(e(l.Label), e(l.Value))}</li>"))}</ul>
            {(order.Message is null ? "" : $"<p>{Mails.Heading(Mails.TheirMessage)}<br>{e(order.Message).Replace("\n", "<br>")}</p>")}
            <p><a href="{e(buyerChat)}">{Mails.WriteToBuyer}</a></p>
            <p><a href="{e(ordersPage.AbsoluteUri)}">{Mails.FollowOrdersLink}</a></p>
            <p>{signature}</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }
}
