using System.Globalization;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Admin;

/// <summary>Every text of the admin area a user reads: its pages, validation messages and the moderation mails.</summary>
public static class AdminTexts
{
    /// <summary>The answer to an admin act before two-factor is on (<see cref="AdminTwoFactorFilter"/>).</summary>
    public const string TwoFactorRequired = "Activez d’abord la double authentification.";

    /// <summary>The label of a list's message slot, where a post without JavaScript says what it did.</summary>
    public const string LastAct = "Résultat de la dernière action";

    /// <summary>The admin area's navigation (_AdminNav).</summary>
    public static class Nav
    {
        public const string Label = "Administration";
        public const string Dashboard = "Tableau de bord";
        public const string Artworks = "Œuvres";
        public const string Artists = "Artistes";
        public const string Reports = "Signalements";
        public const string Categories = "Catégories";
        public const string Journal = "Journal";
    }

    public static class Dashboard
    {
        public const string Title = "Modération";
        public const string Artists = "Artistes actifs";
        public const string Works = "Œuvres";
        public const string Hidden = "Œuvres masquées";
        public const string Orders = "Commandes";
        public const string NewOrders = "Commandes nouvelles";
        public const string RecentWorks = "Dernières œuvres publiées";
        public const string RecentArtists = "Derniers inscrits";
        public const string Pending = "en attente d’activation";
        public const string OpenReports = "Signalements ouverts";
        public const string Activity = "Activité du site";
        public const string Measure = "Mesure";
        public static string LastDays(int days) => $"{days}\u00A0jours";

        /// <summary>The rows of the site's activity table: key, label, value of a period's totals.</summary>
        public static readonly (string Key, string Label, Func<Statistics.Measures, string> Value)[] Measures =
        [
            ("views", "Vues des pages d’œuvres", m => Count(m.Views)),
            ("whatsapp", "Clics WhatsApp", m => Count(m.WhatsAppClicks)),
            ("favourites-added", "Favoris ajoutés", m => Count(m.FavouritesAdded)),
            ("favourites-removed", "Favoris retirés", m => Count(m.FavouritesRemoved)),
            ("orders", "Commandes", m => Count(m.Orders)),
            ("sold", "Œuvres vendues", m => Count(m.Sold)),
            ("conversion", "Vues → commandes", m => m.Conversion is { } c ? c.ToString("0.#", French) + "\u00A0%" : "—"),
        ];

        private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        private static string Count(int n) => n.ToString("N0", French);
    }

    /// <summary>The moderation lists' pages (_AdminPager).</summary>
    public static class Paging
    {
        public const string Label = "Pages de la liste";
        public const string Previous = "Précédentes";
        public const string Next = "Suivantes";
    }

    public static class Artworks
    {
        public const string Title = "Œuvres — modération";
        public const string Search = "Rechercher (titre, artiste…)";
        public const string State = "État";
        public const string All = "Toutes";
        public const string Visible = "Visibles";
        public const string HiddenOnes = "Masquées";
        public const string Filter = "Filtrer";
        public const string Reason = "Motif (envoyé à l’artiste)";
        public const string Hide = "Masquer";
        public const string Show = "Rétablir";
        public const string HiddenBadge = "Masquée";
        public const string Hidden = "Œuvre masquée ; l’artiste a été prévenu.";
        public const string Shown = "Œuvre rétablie.";
        public const string FeaturedOnes = "À la une";
        public const string Feature = "Mettre à la une";
        public const string Unfeature = "Retirer de la une";
        public const string FeaturedBadge = "À la une";
        public const string Featured = "Œuvre mise à la une\u00A0: elle ouvre la page d’accueil.";
        public const string Unfeatured = "Œuvre retirée de la une.";
        public const string UnknownWork = "Cette œuvre n’existe pas.";
        public const string None = "Aucune œuvre.";
    }

    public static class Artists
    {
        public const string Title = "Artistes — modération";
        public const string Search = "Rechercher (nom, email)";
        public const string State = "État";
        public const string All = "Tous";
        public const string Active = "Actifs";
        public const string SuspendedOnes = "Suspendus";
        public const string NotActivated = "Non activé";
        public const string Filter = "Filtrer";
        public const string Works = "œuvres";
        public const string Reason = "Motif (envoyé à l’artiste)";
        public const string Suspend = "Suspendre";
        public const string Reactivate = "Réactiver";
        public const string SuspendedBadge = "Suspendu";
        public const string AdminBadge = "Administrateur";
        public const string Suspended = "Compte suspendu : ses sessions sont fermées et ses pages retirées du site.";
        public const string Reactivated = "Compte réactivé.";
        public const string UnknownArtist = "Ce compte n’existe pas.";
        public const string CannotSuspendAdmin = "Un administrateur ne peut pas être suspendu d’ici : retirez-lui d’abord ce rôle.";
        public const string None = "Aucun compte.";
    }

    public static class Reports
    {
        public const string Title = "Signalements";
        public const string FiltersLabel = "Signalements";
        public const string Search = "Rechercher (œuvre, artiste, motif)";
        public const string Filter = "Filtrer";
        public const string DecisionDismissed = "Rien à faire";
        public const string DecisionHidden = "Masquer l’œuvre";
        public const string Dashboard = "Tableau de bord";
        public const string Open = "Ouverts";
        public const string Closed = "Clos";
        public const string NoneOpen = "Aucun signalement ouvert.";
        public const string NoneClosed = "Aucun signalement clos.";
        public const string HiddenBadge = "Masquée";
        public const string ReportedOn = "signalée le";
        public const string ModerateWork = "Voir dans la modération des œuvres";
        public const string Decision = "Décision";
        public const string Note = "Note (envoyée à l’artiste si l’œuvre est masquée)";
        public const string Close = "Clore";
        public const string ClosedOn = "Clos le";
        public const string By = "par";
        public const string Dismissed = "Signalement clos : rien à faire.";
        public const string AlreadyClosed = "Ce signalement était déjà clos.";
        public const string UnknownReport = "Ce signalement n’existe pas.";
        public const string DecisionRequired = "Choisissez une décision.";
        public const string NoteRequired = "Indiquez le motif : il est envoyé à l’artiste.";
        public const string NoteTooLong = "La note ne peut pas dépasser 500 caractères.";

        public static string OpenOnWork(int count) => count > 1 ? $"{count} signalements ouverts sur cette œuvre" : "";
        public static string WorkHidden(int closed) =>
            closed > 1 ? $"Œuvre masquée ; l’artiste a été prévenu. {closed} signalements clos." : "Œuvre masquée ; l’artiste a été prévenu. Signalement clos.";
    }

    public static class Categories
    {
        public const string Title = "Catégories";
        public const string Intro = "L’ordre de cette liste est celui du catalogue. Une catégorie retirée n’est plus proposée pour les nouvelles œuvres ; les œuvres qui l’ont la gardent, et le catalogue la propose tant qu’il en montre.";
        public const string SlugKept = "L’adresse (slug) d’une catégorie ne change pas quand on la renomme : les liens vers le catalogue restent valables.";
        public const string Order = "Ordre";
        public const string Name = "Nom";
        public const string Slug = "Adresse";
        public const string Works = "Œuvres (visibles / total)";
        public const string State = "État";
        public const string Actions = "Actions";
        public const string Active = "Active";
        public const string RetiredBadge = "Retirée";
        public const string NewName = "Nouvelle catégorie";
        public const string Add = "Ajouter";
        public const string Rename = "Renommer";
        public const string RenameLabel = "Nom de la catégorie";
        public const string Up = "Monter";
        public const string Down = "Descendre";
        public const string Retire = "Retirer";
        public const string Restore = "Rétablir";
        public const string Delete = "Supprimer";
        public const string InUseHint = "Utilisée : elle ne peut qu’être retirée.";
        public const string NameRequired = "Indiquez le nom de la catégorie.";
        public const string NameTooLong = "Le nom ne peut pas dépasser 60 caractères.";
        public const string UnknownCategory = "Cette catégorie n’existe pas (ou plus). Rechargez la page.";
        public const string DirectionInvalid = "Choisissez de monter ou de descendre la catégorie.";
        public const string Unchanged = "Aucun changement.";
        public const string AlreadyFirst = "Cette catégorie est déjà la première.";
        public const string AlreadyLast = "Cette catégorie est déjà la dernière.";
        public const string AlreadyRetired = "Cette catégorie est déjà retirée.";
        public const string AlreadyActive = "Cette catégorie est déjà active.";
        public const string Added = "Catégorie ajoutée.";
        public const string Renamed = "Catégorie renommée ; son adresse reste la même.";
        public const string Moved = "Ordre des catégories enregistré.";
        public const string Retired = "Catégorie retirée : elle n’est plus proposée pour les nouvelles œuvres.";
        public const string Restored = "Catégorie rétablie : elle est de nouveau proposée.";
        public const string Deleted = "Catégorie supprimée.";

        public static string Duplicate(string existing) => $"La catégorie « {existing} » existe déjà (les majuscules et les accents ne comptent pas).";

        public static string DeleteConfirm(string name) => $"Supprimer définitivement la catégorie « {name} » ?";

        public static string InUse(int works) =>
            $"Cette catégorie est utilisée par {(works == 1 ? "1 œuvre" : $"{works} œuvres")} : elle ne peut pas être supprimée. " +
            "Retirez-la plutôt : elle ne sera plus proposée pour les nouvelles œuvres, et celles qui l’ont la garderont.";

        /// <summary>The message shown after the redirect that follows a successful act (?fait=…).</summary>
        public static string? Done(string? code) => code switch
        {
            "ajoutee" => Added,
            "renommee" => Renamed,
            "deplacee" => Moved,
            "retiree" => Retired,
            "retablie" => Restored,
            "supprimee" => Deleted,
            _ => null,
        };
    }

    public static class Journal
    {
        public const string Title = "Journal d’administration";
        public const string AppendOnly = "Chaque acte d’administration est inscrit ici avec son auteur, sa date et son motif. Le journal ne peut être ni modifié ni effacé : on ne peut qu’y ajouter.";
        public const string Action = "Action";
        public const string AnyAction = "Toutes les actions";
        public const string Admin = "Administrateur";
        public const string AnyAdmin = "Tous les administrateurs";
        public const string Filter = "Filtrer";
        public const string Reset = "Tout afficher";
        public const string When = "Date";
        public const string Who = "Qui";
        public const string What = "Quoi";
        public const string Reason = "Motif";
        public const string NoReason = "—";
        public const string Older = "Plus anciens";
        public const string Newest = "Revenir aux plus récents";
        public const string Empty = "Aucune entrée.";
        public const string PagerLabel = "Pages du journal";

        /// <summary>What an act was done to, as the journal keeps it.</summary>
        public static string WorkTarget(long id, string title) => $"Œuvre {id} « {title} »";
        public static string ArtistTarget(string name, string? email) => $"Artiste {name} <{email}>";
        public static string CategoryTarget(string name, string slug) => $"Catégorie « {name} » ({slug})";
        /// <summary>The reason kept for a category's move, by 1-based positions.</summary>
        public static string Moved(int from, int to) => $"position {from} → {to}";

        private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
        {
            ["artwork.hide"] = "Œuvre masquée",
            ["artwork.show"] = "Œuvre rétablie",
            ["artist.suspend"] = "Artiste suspendu",
            ["artist.reactivate"] = "Artiste réactivé",
            ["report.close"] = "Signalement clos",
            ["category.add"] = "Catégorie ajoutée",
            ["category.rename"] = "Catégorie renommée",
            ["category.move"] = "Catégorie déplacée",
            ["category.retire"] = "Catégorie retirée",
            ["category.restore"] = "Catégorie rétablie",
            ["category.delete"] = "Catégorie supprimée",
        };

        /// <summary>The action in French words; a code not listed here yet shows as itself rather than vanish.</summary>
        public static string ActionLabel(string action) => Actions.TryGetValue(action, out var label) ? label : action;
    }

    /// <summary>The reason every hide or suspend must give (<see cref="ModerationReasonValidator{TId}"/>).</summary>
    public static class Moderation
    {
        public const string ReasonRequired = "Indiquez le motif : il est envoyé à l’artiste.";
        public static readonly string ReasonTooLong = $"Le motif ne peut pas dépasser {AdminJournal.ReasonMaxLength} caractères.";
    }

    /// <summary>The moderation mails to the artist.</summary>
    public static class Mails
    {
        public static MailMessage WorkHidden(string to, string name, string title, string reason, Uri atelier) =>
            MailTemplates.Build(to, "Votre œuvre a été retirée du catalogue",
                $"Bonjour {name},",
                $"Votre œuvre « {title} » a été retirée du catalogue PosaX par la modération. Motif : {MailTemplates.Sentence(reason)} " +
                "Vous pouvez la modifier depuis votre atelier :",
                atelier,
                "Pour toute question, écrivez-nous depuis la page Contact de PosaX (ce message part d’une adresse qui ne reçoit pas de réponse).");

        public static MailMessage ArtistSuspended(string to, string name, string reason) =>
            MailTemplates.Build(to, "Votre compte PosaX est suspendu",
                $"Bonjour {name},",
                $"Votre compte PosaX a été suspendu par la modération. Motif : {MailTemplates.Sentence(reason)} " +
                "Votre page et vos œuvres ne sont plus visibles et vous ne pouvez plus vous connecter.",
                null,
                "Pour contester cette décision, écrivez-nous depuis la page Contact de PosaX (ce message part d’une adresse qui ne reçoit pas de réponse).");

        public static MailMessage ArtistReactivated(string to, string name, Uri login) =>
            MailTemplates.Build(to, "Votre compte PosaX est réactivé",
                $"Bonjour {name},",
                "Votre compte PosaX a été réactivé : votre page et vos œuvres sont de nouveau visibles. Vous pouvez vous connecter :",
                login,
                "Merci de votre patience.");
    }
}
