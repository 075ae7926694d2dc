using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Admin;

/// <summary>The moderation mails, in French, in one place.</summary>
public static class ModerationMails
{
    public static MailMessage WorkHidden(string to, string name, string title, string reason, Uri atelier) =>
        MailTemplates.Build(to, "Votre œuvre a été retirée du catalogue",
            $"Bonjour {name},",
            $"Votre œuvre « {title} » a été retirée du catalogue PosaX par la modération. Motif : {reason}. " +
            "Vous pouvez la modifier depuis votre atelier :",
            atelier,
            "Pour toute question, répondez à ce message.");

    public static MailMessage ArtistSuspended(string to, string name, string reason) =>
        MailTemplates.Build(to, "Votre compte PosaX est suspendu",
            $"Bonjour {name},",
            $"Votre compte PosaX a été suspendu par la modération. Motif : {reason}. " +
            "Votre page et vos œuvres ne sont plus visibles et vous ne pouvez plus vous connecter.",
            null,
            "Pour contester cette décision, répondez à ce message.");

    public static MailMessage ArtistReactivated(string to, string name, Uri login) =>
        MailTemplates.Build(to, "Votre compte PosaX est réactivé",
            $"Bonjour {name},",
            "Votre compte PosaX a été réactivé : votre page et vos œuvres sont de nouveau visibles. Vous pouvez vous connecter :",
            login,
            "Merci de votre patience.");
}
