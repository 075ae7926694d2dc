using System.Net;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Orders;

/// <summary>What an order is about, for the buyer's WhatsApp message and the artist's mail.</summary>
public sealed record OrderSummary(
    string Reference, string ArtworkTitle, long Price, Uri ArtworkUrl,
    string BuyerName, string BuyerPhone, string? BuyerEmail, string? Message);

/// <summary>The French text of placing an order, in one place: form, answers, WhatsApp message, mail.</summary>
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
        OrderStatus.New => "Nouvelle",
        OrderStatus.Contacted => "Contactée",
        OrderStatus.Reserved => "Réservée",
        OrderStatus.Sold => "Vendue",
        OrderStatus.Cancelled => "Annulée",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The button's wording: what the artist does.</summary>
    public static string StatusAction(OrderStatus status) => status switch
    {
        OrderStatus.Contacted => "Marquer contactée",
        OrderStatus.Reserved => "Réserver l’œuvre",
        OrderStatus.Sold => "Marquer vendue",
        OrderStatus.Cancelled => "Annuler",
        _ => StatusLabel(status),
    };

    public static string Placed(string reference) =>
        $"Demande {reference} envoyée. Écrivez maintenant à l’artiste sur WhatsApp.";

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

        public static string StepCalled(string buyerPhone) =>
            $"L’artiste peut aussi vous appeler ou vous écrire au {WhatsAppNumber.Display(buyerPhone)}.";

        public static string NoWhatsApp(string buyerPhone) =>
            $"L’artiste n’a pas indiqué de numéro WhatsApp : il vous contactera au {WhatsAppNumber.Display(buyerPhone)}.";
    }

    /// <summary>The buyer's confirmation mail, when an address was given.</summary>
    public static MailMessage BuyerMail(string to, string artistName, OrderSummary order, Uri confirmationPage, Uri? artistChat)
    {
        var subject = $"Votre demande {order.Reference} : {order.ArtworkTitle}";
        var lines = new List<(string Label, string Value)>
        {
            ("Référence", order.Reference),
            ("Œuvre", $"{order.ArtworkTitle} ({Money.Fcfa(order.Price)})"),
            ("Artiste", artistName),
        };
        var next = artistChat is null
            ? Confirmation.NoWhatsApp(order.BuyerPhone)
            : "Écrivez à l’artiste sur WhatsApp : votre message est déjà rédigé.";
        var text = $"Bonjour {order.BuyerName},\n\n" +
            $"{artistName} a bien reçu votre demande pour l’œuvre « {order.ArtworkTitle} ».\n\n" +
            string.Concat(lines.Select(l => $"{l.Label} : {l.Value}\n")) +
            $"\n{next}\n" +
            (artistChat is null ? "" : $"{artistChat.AbsoluteUri}\n") +
            $"\n{Confirmation.StepAgree}\n" +
            $"\nVotre demande : {confirmationPage.AbsoluteUri}\n" +
            $"L’œuvre : {order.ArtworkUrl.AbsoluteUri}\n\nL’équipe PosaX\n";

        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5">
            <p>Bonjour {e(order.BuyerName)},</p>
            <p>{e(artistName)} a bien reçu votre demande pour l’œuvre <a href="{e(order.ArtworkUrl.AbsoluteUri)}">« {e(order.ArtworkTitle)} »</a>.</p>
            <ul>{string.Concat(lines.Select(l => $"<li>{e(l.Label)} : {e(l.Value)}</li>"))}</ul>
            <p>{e(next)}</p>
            {(artistChat is null ? "" : $"<p><a href=\"{e(artistChat.AbsoluteUri)}\">Écrire à {e(artistName)} sur WhatsApp</a></p>")}
            <p>{e(Confirmation.StepAgree)}</p>
            <p><a href="{e(confirmationPage.AbsoluteUri)}">Revoir votre demande</a></p>
            <p>L’équipe PosaX</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }

    public static string PlacedWithoutWhatsApp(string reference, string phone) =>
        $"Demande {reference} envoyée à l’artiste. Il n’a pas indiqué de numéro WhatsApp : " +
        $"il vous contactera au {WhatsAppNumber.Display(phone)}. Notez votre référence : {reference}.";

    /// <summary>What the buyer sends the artist on WhatsApp: everything needed to answer.</summary>
    public static string WhatsAppMessage(OrderSummary order) =>
        $"Bonjour, je souhaite acheter votre œuvre « {order.ArtworkTitle} » ({Money.Fcfa(order.Price)}) vue sur PosaX : " +
        $"{order.ArtworkUrl.AbsoluteUri}\nRéférence de ma demande : {order.Reference}\n{order.BuyerName}";

    /// <summary>The artist's answer to the buyer, from the mail or the orders page.</summary>
    public static string BuyerChatLink(string buyerPhone, string buyerName, string reference, string artworkTitle) =>
        WhatsAppNumber.ChatLink(buyerPhone,
            $"Bonjour {buyerName}, je vous écris au sujet de votre demande {reference} pour « {artworkTitle} » sur PosaX.");

    public static MailMessage ArtistMail(string to, string artistName, OrderSummary order, Uri ordersPage)
    {
        var buyerChat = BuyerChatLink(order.BuyerPhone, order.BuyerName, order.Reference, order.ArtworkTitle);
        var subject = $"Nouvelle commande {order.Reference} : {order.ArtworkTitle}";
        var lines = new List<(string Label, string Value)>
        {
            ("Référence", order.Reference),
            ("Œuvre", $"{order.ArtworkTitle} ({Money.Fcfa(order.Price)})"),
            ("Acheteur", order.BuyerName),
            ("Téléphone", WhatsAppNumber.Display(order.BuyerPhone)),
        };
        if (order.BuyerEmail is not null) lines.Add(("E-mail", order.BuyerEmail));

        var text = $"Bonjour {artistName},\n\n" +
            $"{order.BuyerName} souhaite acheter votre œuvre « {order.ArtworkTitle} ».\n\n" +
            string.Concat(lines.Select(l => $"{l.Label} : {l.Value}\n")) +
            (order.Message is null ? "" : $"\nSon message :\n{order.Message}\n") +
            $"\nÉcrire à l’acheteur sur WhatsApp :\n{buyerChat}\n" +
            $"\nL’œuvre : {order.ArtworkUrl.AbsoluteUri}\n" +
            $"Suivez vos commandes : {ordersPage.AbsoluteUri}\n\nL’équipe PosaX\n";

        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5">
            <p>Bonjour {e(artistName)},</p>
            <p>{e(order.BuyerName)} souhaite acheter votre œuvre <a href="{e(order.ArtworkUrl.AbsoluteUri)}">« {e(order.ArtworkTitle)} »</a>.</p>
            <ul>{string.Concat(lines.Select(l => $"<li>{e(l.Label)} : {e(l.Value)}</li>"))}</ul>
            {(order.Message is null ? "" : $"<p>Son message :<br>{e(order.Message).Replace("\n", "<br>")}</p>")}
            <p><a href="{e(buyerChat)}">Écrire à l’acheteur sur WhatsApp</a></p>
            <p><a href="{e(ordersPage.AbsoluteUri)}">Suivre vos commandes</a></p>
            <p>L’équipe PosaX</p></body></html>
            """;
        return new MailMessage(to, subject, text, html);
    }
}
