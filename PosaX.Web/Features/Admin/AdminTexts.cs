using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Admin;

/// <summary>Every text of the admin area a user reads: its pages, validation messages and the moderation mails.</summary>
public static class AdminTexts
{
    private static readonly TextResources Strings = new(typeof(AdminTexts));

    /// <summary>The answer to an admin act before two-factor is on (<see cref="AdminTwoFactorFilter"/>).</summary>
    public static string TwoFactorRequired => Strings["TwoFactorRequired"];

    /// <summary>The label of a list's message slot, where a post without JavaScript says what it did.</summary>
    public static string LastAct => Strings["LastAct"];

    /// <summary>The admin area's navigation (_AdminNav).</summary>
    public static class Nav
    {
        public static string Label => Strings["Nav.Label"];
        public static string Dashboard => Strings["Nav.Dashboard"];
        public static string Artworks => Strings["Nav.Artworks"];
        public static string Artists => Strings["Nav.Artists"];
        public static string Reports => Strings["Nav.Reports"];
        public static string Categories => Strings["Nav.Categories"];
        public static string Journal => Strings["Nav.Journal"];
    }

    public static class Dashboard
    {
        public static string Title => Strings["Dashboard.Title"];
        public static string Artists => Strings["Dashboard.Artists"];
        public static string Works => Strings["Dashboard.Works"];
        public static string Hidden => Strings["Dashboard.Hidden"];
        public static string Orders => Strings["Dashboard.Orders"];
        public static string NewOrders => Strings["Dashboard.NewOrders"];
        public static string RecentWorks => Strings["Dashboard.RecentWorks"];
        public static string RecentArtists => Strings["Dashboard.RecentArtists"];
        public static string Pending => Strings["Dashboard.Pending"];
        public static string OpenReports => Strings["Dashboard.OpenReports"];
        public static string Activity => Strings["Dashboard.Activity"];
        public static string Measure => Strings["Dashboard.Measure"];
        public static string LastDays(int days) => Strings.Format("Dashboard.LastDays", days);

        /// <summary>The rows of the site's activity table: key, label, value of a period's totals (built per call: the labels follow the language).</summary>
        public static (string Key, string Label, Func<Statistics.Measures, string> Value)[] Measures =>
        [
            ("views", Strings["Dashboard.Measures.Views"], m => Count(m.Views)),
            ("whatsapp", Strings["Dashboard.Measures.WhatsApp"], m => Count(m.WhatsAppClicks)),
            ("favourites-added", Strings["Dashboard.Measures.FavouritesAdded"], m => Count(m.FavouritesAdded)),
            ("favourites-removed", Strings["Dashboard.Measures.FavouritesRemoved"], m => Count(m.FavouritesRemoved)),
            ("orders", Strings["Dashboard.Measures.Orders"], m => Count(m.Orders)),
            ("sold", Strings["Dashboard.Measures.Sold"], m => Count(m.Sold)),
            ("conversion", Strings["Dashboard.Measures.Conversion"],
                m => m.Conversion is { } c ? Strings.Format("Dashboard.Percent", c.ToString("0.#", Languages.Culture)) : "—"),
        ];

        private static string Count(int n) => n.ToString("N0", Languages.Culture);
    }

    /// <summary>The moderation lists' pages (_AdminPager).</summary>
    public static class Paging
    {
        public static string Label => Strings["Paging.Label"];
        public static string Previous => Strings["Paging.Previous"];
        public static string Next => Strings["Paging.Next"];
    }

    public static class Artworks
    {
        public static string Title => Strings["Artworks.Title"];
        public static string Search => Strings["Artworks.Search"];
        public static string State => Strings["Artworks.State"];
        public static string All => Strings["Artworks.All"];
        public static string Visible => Strings["Artworks.Visible"];
        public static string HiddenOnes => Strings["Artworks.HiddenOnes"];
        public static string Filter => Strings["Artworks.Filter"];
        public static string Reason => Strings["Artworks.Reason"];
        public static string Hide => Strings["Artworks.Hide"];
        public static string Show => Strings["Artworks.Show"];
        public static string HiddenBadge => Strings["Artworks.HiddenBadge"];
        public static string Hidden => Strings["Artworks.Hidden"];
        public static string Shown => Strings["Artworks.Shown"];
        public static string FeaturedOnes => Strings["Artworks.FeaturedOnes"];
        public static string Feature => Strings["Artworks.Feature"];
        public static string Unfeature => Strings["Artworks.Unfeature"];
        public static string FeaturedBadge => Strings["Artworks.FeaturedBadge"];
        public static string Featured => Strings["Artworks.Featured"];
        public static string Unfeatured => Strings["Artworks.Unfeatured"];
        public static string UnknownWork => Strings["Artworks.UnknownWork"];
        public static string None => Strings["Artworks.None"];
    }

    public static class Artists
    {
        public static string Title => Strings["Artists.Title"];
        public static string Search => Strings["Artists.Search"];
        public static string State => Strings["Artists.State"];
        public static string All => Strings["Artists.All"];
        public static string Active => Strings["Artists.Active"];
        public static string SuspendedOnes => Strings["Artists.SuspendedOnes"];
        public static string NotActivated => Strings["Artists.NotActivated"];
        public static string Filter => Strings["Artists.Filter"];
        public static string Works => Strings["Artists.Works"];
        public static string Reason => Strings["Artists.Reason"];
        public static string Suspend => Strings["Artists.Suspend"];
        public static string Reactivate => Strings["Artists.Reactivate"];
        public static string SuspendedBadge => Strings["Artists.SuspendedBadge"];
        public static string AdminBadge => Strings["Artists.AdminBadge"];
        public static string Suspended => Strings["Artists.Suspended"];
        public static string Reactivated => Strings["Artists.Reactivated"];
        public static string UnknownArtist => Strings["Artists.UnknownArtist"];
        public static string CannotSuspendAdmin => Strings["Artists.CannotSuspendAdmin"];
        public static string None => Strings["Artists.None"];
    }

    public static class Reports
    {
        public static string Title => Strings["Reports.Title"];
        public static string FiltersLabel => Strings["Reports.FiltersLabel"];
        public static string Search => Strings["Reports.Search"];
        public static string Filter => Strings["Reports.Filter"];
        public static string DecisionDismissed => Strings["Reports.DecisionDismissed"];
        public static string DecisionHidden => Strings["Reports.DecisionHidden"];
        public static string Dashboard => Strings["Reports.Dashboard"];
        public static string Open => Strings["Reports.Open"];
        public static string Closed => Strings["Reports.Closed"];
        public static string NoneOpen => Strings["Reports.NoneOpen"];
        public static string NoneClosed => Strings["Reports.NoneClosed"];
        public static string HiddenBadge => Strings["Reports.HiddenBadge"];
        public static string ReportedOn => Strings["Reports.ReportedOn"];
        public static string ModerateWork => Strings["Reports.ModerateWork"];
        public static string Decision => Strings["Reports.Decision"];
        public static string Note => Strings["Reports.Note"];
        public static string Close => Strings["Reports.Close"];
        public static string ClosedOn => Strings["Reports.ClosedOn"];
        public static string By => Strings["Reports.By"];
        public static string Dismissed => Strings["Reports.Dismissed"];
        public static string AlreadyClosed => Strings["Reports.AlreadyClosed"];
        public static string UnknownReport => Strings["Reports.UnknownReport"];
        public static string DecisionRequired => Strings["Reports.DecisionRequired"];
        public static string NoteRequired => Strings["Reports.NoteRequired"];
        public static string NoteTooLong => Strings["Reports.NoteTooLong"];

        public static string OpenOnWork(int count) => count > 1 ? Strings.Format("Reports.OpenOnWork", count) : "";
        public static string WorkHidden(int closed) =>
            closed > 1 ? Strings.Format("Reports.WorkHidden.Many", closed) : Strings["Reports.WorkHidden.One"];
    }

    public static class Categories
    {
        public static string Title => Strings["Categories.Title"];
        public static string Intro => Strings["Categories.Intro"];
        public static string SlugKept => Strings["Categories.SlugKept"];
        public static string Order => Strings["Categories.Order"];
        public static string Name => Strings["Categories.Name"];
        public static string Slug => Strings["Categories.Slug"];
        public static string Works => Strings["Categories.Works"];
        public static string State => Strings["Categories.State"];
        public static string Actions => Strings["Categories.Actions"];
        public static string Active => Strings["Categories.Active"];
        public static string RetiredBadge => Strings["Categories.RetiredBadge"];
        public static string NewName => Strings["Categories.NewName"];
        public static string Add => Strings["Categories.Add"];
        public static string Rename => Strings["Categories.Rename"];
        public static string RenameLabel => Strings["Categories.RenameLabel"];
        public static string Up => Strings["Categories.Up"];
        public static string Down => Strings["Categories.Down"];
        public static string Retire => Strings["Categories.Retire"];
        public static string Restore => Strings["Categories.Restore"];
        public static string Delete => Strings["Categories.Delete"];
        public static string InUseHint => Strings["Categories.InUseHint"];
        public static string NameRequired => Strings["Categories.NameRequired"];
        public static string NameTooLong => Strings["Categories.NameTooLong"];
        public static string UnknownCategory => Strings["Categories.UnknownCategory"];
        public static string DirectionInvalid => Strings["Categories.DirectionInvalid"];
        public static string Unchanged => Strings["Categories.Unchanged"];
        public static string AlreadyFirst => Strings["Categories.AlreadyFirst"];
        public static string AlreadyLast => Strings["Categories.AlreadyLast"];
        public static string AlreadyRetired => Strings["Categories.AlreadyRetired"];
        public static string AlreadyActive => Strings["Categories.AlreadyActive"];
        public static string Added => Strings["Categories.Added"];
        public static string Renamed => Strings["Categories.Renamed"];
        public static string Moved => Strings["Categories.Moved"];
        public static string Retired => Strings["Categories.Retired"];
        public static string Restored => Strings["Categories.Restored"];
        public static string Deleted => Strings["Categories.Deleted"];

        public static string Duplicate(string existing) => Strings.Format("Categories.Duplicate", existing);

        public static string DeleteConfirm(string name) => Strings.Format("Categories.DeleteConfirm", name);

        public static string InUse(int works) =>
            works == 1 ? Strings["Categories.InUse.One"] : Strings.Format("Categories.InUse.Many", works);

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
        public static string Title => Strings["Journal.Title"];
        public static string AppendOnly => Strings["Journal.AppendOnly"];
        public static string Action => Strings["Journal.Action"];
        public static string AnyAction => Strings["Journal.AnyAction"];
        public static string Admin => Strings["Journal.Admin"];
        public static string AnyAdmin => Strings["Journal.AnyAdmin"];
        public static string Filter => Strings["Journal.Filter"];
        public static string Reset => Strings["Journal.Reset"];
        public static string When => Strings["Journal.When"];
        public static string Who => Strings["Journal.Who"];
        public static string What => Strings["Journal.What"];
        public static string Reason => Strings["Journal.Reason"];
        public static string NoReason => Strings["Journal.NoReason"];
        public static string Older => Strings["Journal.Older"];
        public static string Newest => Strings["Journal.Newest"];
        public static string Empty => Strings["Journal.Empty"];
        public static string PagerLabel => Strings["Journal.PagerLabel"];

        /// <summary>What an act was done to, as the journal keeps it.</summary>
        public static string WorkTarget(long id, string title) => Strings.Format("Journal.WorkTarget", id, title);
        public static string ArtistTarget(string name, string? email) => Strings.Format("Journal.ArtistTarget", name, email);
        public static string CategoryTarget(string name, string slug) => Strings.Format("Journal.CategoryTarget", name, slug);
        /// <summary>The reason kept for a category's move, by 1-based positions.</summary>
        public static string Moved(int from, int to) => Strings.Format("Journal.Moved", from, to);

        /// <summary>The action in words; a code not listed here yet shows as itself rather than vanish.</summary>
        public static string ActionLabel(string action) => action switch
        {
            "artwork.hide" => Strings["Journal.Actions.ArtworkHide"],
            "artwork.show" => Strings["Journal.Actions.ArtworkShow"],
            "artist.suspend" => Strings["Journal.Actions.ArtistSuspend"],
            "artist.reactivate" => Strings["Journal.Actions.ArtistReactivate"],
            "report.close" => Strings["Journal.Actions.ReportClose"],
            "category.add" => Strings["Journal.Actions.CategoryAdd"],
            "category.rename" => Strings["Journal.Actions.CategoryRename"],
            "category.move" => Strings["Journal.Actions.CategoryMove"],
            "category.retire" => Strings["Journal.Actions.CategoryRetire"],
            "category.restore" => Strings["Journal.Actions.CategoryRestore"],
            "category.delete" => Strings["Journal.Actions.CategoryDelete"],
            _ => action,
        };
    }

    /// <summary>The reason every hide or suspend must give (<see cref="ModerationReasonValidator{TId}"/>).</summary>
    public static class Moderation
    {
        public static string ReasonRequired => Strings["Moderation.ReasonRequired"];
        public static string ReasonTooLong => Strings.Format("Moderation.ReasonTooLong", AdminJournal.ReasonMaxLength);
    }

    /// <summary>The moderation mails to the artist.</summary>
    public static class Mails
    {
        private static string Greeting(string name) => Strings.Format("Mails.Greeting", name);

        public static MailMessage WorkHidden(string to, string name, string title, string reason, Uri atelier) =>
            MailTemplates.Build(to, Strings["Mails.WorkHidden.Subject"],
                Greeting(name),
                Strings.Format("Mails.WorkHidden.Intro", title, MailTemplates.Sentence(reason)),
                atelier,
                Strings["Mails.WorkHidden.Footer"]);

        public static MailMessage ArtistSuspended(string to, string name, string reason) =>
            MailTemplates.Build(to, Strings["Mails.ArtistSuspended.Subject"],
                Greeting(name),
                Strings.Format("Mails.ArtistSuspended.Intro", MailTemplates.Sentence(reason)),
                null,
                Strings["Mails.ArtistSuspended.Footer"]);

        public static MailMessage ArtistReactivated(string to, string name, Uri login) =>
            MailTemplates.Build(to, Strings["Mails.ArtistReactivated.Subject"],
                Greeting(name),
                Strings["Mails.ArtistReactivated.Intro"],
                login,
                Strings["Mails.ArtistReactivated.Footer"]);
    }
}
