using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// The one clock people read: Cameroon's (Africa/Douala, UTC+1 all year, no summer time). Times
/// are stored in UTC; every time a page or a mail shows goes through here, and a page that shows
/// times names the zone once (<see cref="ZoneNote"/>).
/// </summary>
public static class DoualaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);
    public static string ZoneNote => InfrastructureTexts.DoualaZone;

    /// <summary>"6 déc. 2026 à 14:05" (with seconds: "… à 14:05:09"); in English "6 Dec 2026 at 14:05".</summary>
    public static string Format(DateTime utc, bool seconds = false) =>
        (utc + Offset).ToString(seconds ? InfrastructureTexts.Dates.DateTimeSeconds : InfrastructureTexts.Dates.DateTime, Languages.Culture);

    /// <summary>"décembre 2026", "December 2026": a month a person reads (an artist's "membre depuis").</summary>
    public static string MonthYear(DateTime utc) => (utc + Offset).ToString("MMMM yyyy", Languages.Culture);

    /// <summary>A <c>&lt;time&gt;</c> whose datetime is the UTC instant and whose text is Douala's.</summary>
    public static IHtmlContent Tag(DateTime utc, bool seconds = false) => new HtmlString(
        $"<time datetime=\"{DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">"
        + HtmlEncoder.Default.Encode(Format(utc, seconds)) + "</time>");
}
