using PosaX.Web.Data;
using PosaX.Web.Features.Orders;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Atelier;

/// <summary>Every text of the atelier a user reads: the artist's works and their form, the orders and their status.</summary>
public static class AtelierTexts
{
    private static readonly TextResources Strings = new(typeof(AtelierTexts));

    /// <summary>/atelier: the landing page after activation and sign-in, with its checklist.</summary>
    public static class Home
    {
        public static string Title => Strings["Home.Title"];
        public static string Heading(string name) => Strings.Format("Home.Heading", name);
        public static string Activated => Strings["Home.Activated"];
        public static string ActivatedNext => Strings["Home.ActivatedNext"];
        public static string ChecklistTitle => Strings["Home.ChecklistTitle"];
        public static string Done => Strings["Home.Done"];
        public static string PhotoStep => Strings["Home.PhotoStep"];
        public static string PhotoHint => Strings["Home.PhotoHint"];
        public static string BioStep => Strings["Home.BioStep"];
        public static string BioHint => Strings["Home.BioHint"];
        public static string WhatsAppStep => Strings["Home.WhatsAppStep"];
        public static string WhatsAppHint => Strings["Home.WhatsAppHint"];
        public static string WorkStep => Strings["Home.WorkStep"];
        public static string WorkHint => Strings["Home.WorkHint"];
        public static string MyWorks(int count) => count switch
        {
            0 => Strings["Home.MyWorks.Zero"],
            1 => Strings["Home.MyWorks.One"],
            _ => Strings.Format("Home.MyWorks.Many", count),
        };
        public static string MyOrders(int newOrders) => newOrders switch
        {
            0 => Strings["Home.MyOrders.Zero"],
            1 => Strings["Home.MyOrders.One"],
            _ => Strings.Format("Home.MyOrders.Many", newOrders),
        };
        public static string MyProfile => Strings["Home.MyProfile"];
        public static string MyPublicPage => Strings["Home.MyPublicPage"];
    }

    /// <summary>The works list, the work form (new, edit, delete) and its validation.</summary>
    public static class Artworks
    {
        public static string ListTitle => Strings["Artworks.ListTitle"];
        public static string NewTitle => Strings["Artworks.NewTitle"];
        public static string EditTitle => Strings["Artworks.EditTitle"];
        public static string Add => Strings["Artworks.Add"];
        public static string Empty => Strings["Artworks.Empty"];
        public static string Edit => Strings["Artworks.Edit"];
        public static string View => Strings["Artworks.View"];
        public static string Title => Strings["Artworks.Title"];
        public static string Description => Strings["Artworks.Description"];
        public static string DescriptionHint => Strings["Artworks.DescriptionHint"];
        public static string Price => Strings["Artworks.Price"];
        public static string PriceHint => Strings["Artworks.PriceHint"];
        public static string Category => Strings["Artworks.Category"];
        public static string ChooseCategory => Strings["Artworks.ChooseCategory"];
        public static string Medium => Strings["Artworks.Medium"];
        public static string MediumHint => Strings["Artworks.MediumHint"];
        public static string Dimensions => Strings["Artworks.Dimensions"];
        public static string Height => Strings["Artworks.Height"];
        public static string Width => Strings["Artworks.Width"];
        public static string Depth => Strings["Artworks.Depth"];
        public static string Year => Strings["Artworks.Year"];
        public static string Status => Strings["Artworks.Status"];
        public static string Images => Strings["Artworks.Images"];
        public static string ImagesHint => Strings["Artworks.ImagesHint"];
        public static string StoredImages => Strings["Artworks.StoredImages"];
        public static string RemoveImage => Strings["Artworks.RemoveImage"];
        public static string MoveUp => Strings["Artworks.MoveUp"];
        public static string MoveDown => Strings["Artworks.MoveDown"];
        public static string Save => Strings["Artworks.Save"];
        public static string Publish => Strings["Artworks.Publish"];
        public static string Saved => Strings["Artworks.Saved"];
        public static string Created => Strings["Artworks.Created"];
        public static string PublishedNotice => Strings["Artworks.PublishedNotice"];
        public static string ViewPage => Strings["Artworks.ViewPage"];
        public static string ShareOnWhatsApp => Strings["Artworks.ShareOnWhatsApp"];
        public static string ShareMessage(string title, string price, Uri url) => Strings.Format("Artworks.ShareMessage", title, price, url);
        /// <summary>A refused photo among several: which file, and why.</summary>
        public static string FileRejected(string fileName, string reason) => Strings.Format("Artworks.FileRejected", fileName, reason);
        public static string Delete => Strings["Artworks.Delete"];
        public static string DeleteConfirm => Strings["Artworks.DeleteConfirm"];
        public static string Deleted => Strings["Artworks.Deleted"];
        public static string Hidden => Strings["Artworks.Hidden"];
        public static string TitleRequired => Strings["Artworks.TitleRequired"];
        public static string TitleTooLong => Strings["Artworks.TitleTooLong"];
        public static string DescriptionTooLong => Strings["Artworks.DescriptionTooLong"];
        public static string PriceInvalid => Strings["Artworks.PriceInvalid"];
        public static string CategoryRequired => Strings["Artworks.CategoryRequired"];
        public static string CategoryUnknown => Strings["Artworks.CategoryUnknown"];
        public static string CategoryRetired => Strings["Artworks.CategoryRetired"];
        public static string MediumTooLong => Strings["Artworks.MediumTooLong"];
        public static string DimensionInvalid => Strings["Artworks.DimensionInvalid"];
        public static string YearInvalid => Strings["Artworks.YearInvalid"];
        public static string StatusInvalid => Strings["Artworks.StatusInvalid"];
        public static string TooManyImages => Strings["Artworks.TooManyImages"];
        public static string NoImage => Strings["Artworks.NoImage"];
        public static string StatusAvailable => Strings["Artworks.StatusAvailable"];
        public static string StatusReserved => Strings["Artworks.StatusReserved"];
        public static string StatusSold => Strings["Artworks.StatusSold"];

        public static string StatusLabel(ArtworkStatus status) => status switch
        {
            ArtworkStatus.Reserved => StatusReserved,
            ArtworkStatus.Sold => StatusSold,
            _ => StatusAvailable,
        };

        // Issue 18 (L2): the optional English title and description.
        public static string TitleEn => Strings["Artworks.TitleEn"];
        public static string TitleEnHint => Strings["Artworks.TitleEnHint"];
        public static string TitleEnTooLong => Strings["Artworks.TitleEnTooLong"];
        public static string DescriptionEn => Strings["Artworks.DescriptionEn"];
        public static string DescriptionEnHint => Strings["Artworks.DescriptionEnHint"];
        public static string DescriptionEnTooLong => Strings["Artworks.DescriptionEnTooLong"];
    }

    /// <summary>The artist's orders page.</summary>
    public static class Orders
    {
        public static string Title => Strings["Orders.Title"];
        public static string Intro => Strings["Orders.Intro"];
        public static string Empty => Strings["Orders.Empty"];
        public static string Reference => Strings["Orders.Reference"];
        public static string Work => Strings["Orders.Work"];
        public static string Buyer => Strings["Orders.Buyer"];
        public static string Phone => Strings["Orders.Phone"];
        public static string Email => Strings["Orders.Email"];
        public static string Message => Strings["Orders.Message"];
        public static string Date => Strings["Orders.Date"];
        public static string Status => Strings["Orders.Status"];
        public static string NextStatus => Strings["Orders.NextStatus"];
        public static string Apply => Strings["Orders.Apply"];
        public static string Final => Strings["Orders.Final"];
        public static string WriteOnWhatsApp => Strings["Orders.WriteOnWhatsApp"];
        public static string Truncated => Strings["Orders.Truncated"];
    }

    /// <summary>Moving an order along its pipeline.</summary>
    public static class Status
    {
        public static string Title => Strings["Status.Title"];
        public static string NotFound => Strings["Status.NotFound"];
        public static string UnknownStatus => Strings["Status.UnknownStatus"];
        public static string WorkSold => Strings["Status.WorkSold"];
        public static string Back => Strings["Status.Back"];

        public static string CannotMove(OrderStatus from, OrderStatus to) =>
            Strings.Format("Status.CannotMove", OrderPipeline.Label(from), OrderPipeline.Label(to));

        public static string HeldBy(string reference) => Strings.Format("Status.HeldBy", reference);

        public static string Moved(string reference, OrderStatus to) =>
            Strings.Format("Status.Moved", reference, OrderPipeline.Label(to).ToLower(Languages.Culture));

        public static string OthersCancelled(int count) =>
            count == 1 ? Strings["Status.OthersCancelled.One"] : Strings.Format("Status.OthersCancelled.Many", count);
    }

    /// <summary>/atelier/statistiques, and each work's figures on the works list.</summary>
    public static class Statistics
    {
        public static string Title => Strings["Statistics.Title"];
        public static string Link => Strings["Statistics.Link"];
        public static string Period => Strings["Statistics.Period"];
        public static string LastDays(int days) => Strings.Format("Statistics.LastDays", days);
        /// <summary>The period's first and last days, written {0:d MMMM yyyy} in the resources.</summary>
        public static string Intro(DateOnly first, DateOnly last) => Strings.Format("Statistics.Intro", first, last);
        public static string Charts => Strings["Statistics.Charts"];
        public static string PerWork => Strings["Statistics.PerWork"];
        public static string Work => Strings["Statistics.Work"];
        public static string Views => Strings["Statistics.Views"];
        public static string WhatsApp => Strings["Statistics.WhatsApp"];
        public static string WhatsAppColumn => Strings["Statistics.WhatsAppColumn"];
        public static string Favourites => Strings["Statistics.Favourites"];
        public static string Orders => Strings["Statistics.Orders"];
        public static string Sold => Strings["Statistics.Sold"];
        public static string Conversion => Strings["Statistics.Conversion"];
        public static string Total => Strings["Statistics.Total"];
        public static string HiddenWork => Strings["Statistics.HiddenWork"];
        public static string NoWorks => Strings["Statistics.NoWorks"];
        public static string PerDay => Strings["Statistics.PerDay"];
        public static string Day => Strings["Statistics.Day"];
        public static string FavouritesRemoved(int removed) => removed switch
        {
            0 => "",
            1 => Strings.Format("Statistics.FavouritesRemoved.One", Count(removed)),
            _ => Strings.Format("Statistics.FavouritesRemoved.Many", Count(removed)),
        };
        public static string Count(int n) => n.ToString("N0", Languages.Culture);
        public static string Percent(double? value) =>
            value is { } v ? Strings.Format("Statistics.Percent", v.ToString("0.#", Languages.Culture)) : "—";
        public static string ShortDay(DateOnly day) => day.ToString("d MMM", Languages.Culture);
        public static string LongDay(DateOnly day) => day.ToString("dddd d MMMM", Languages.Culture);

        /// <summary>The works list: each work's last 30 days (zero, one and many are separate texts: the languages count differently).</summary>
        public static string ListFigures(int views, int orders) =>
            Strings.Format("Statistics.ListFigures",
                Strings.Format(views switch { 0 => "Statistics.ViewCount.Zero", 1 => "Statistics.ViewCount.One", _ => "Statistics.ViewCount.Many" }, Count(views)),
                Strings.Format(orders switch { 0 => "Statistics.OrderCount.Zero", 1 => "Statistics.OrderCount.One", _ => "Statistics.OrderCount.Many" }, Count(orders)));
    }
}
