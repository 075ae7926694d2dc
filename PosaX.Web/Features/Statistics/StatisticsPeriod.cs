using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Statistics;

/// <summary>
/// A period of statistics: the last 7, 30 or 90 days in Douala, today included (?periode=7|30|90;
/// anything else is the default, 30). Counts are kept per Douala day; orders' UTC instants are
/// compared with the period's first instant in UTC.
/// </summary>
public sealed record StatisticsPeriod(int Days, DateOnly First, DateOnly Last)
{
    public static readonly int[] Choices = [7, 30, 90];
    public const int DefaultDays = 30;

    public static DateOnly DoualaDay(DateTime utc) => DateOnly.FromDateTime(utc + DoualaTime.Offset);

    /// <summary>A value the page did not offer (a typed URL, an old link) gives the default, not an error.</summary>
    public static StatisticsPeriod Of(string? periode, DateTime utcNow)
    {
        var days = int.TryParse(periode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && Choices.Contains(n) ? n : DefaultDays;
        return LastDays(days, utcNow);
    }

    public static StatisticsPeriod LastDays(int days, DateTime utcNow)
    {
        var today = DoualaDay(utcNow);
        return new StatisticsPeriod(days, today.AddDays(1 - days), today);
    }

    /// <summary>The period's first instant (midnight in Douala), in UTC.</summary>
    public DateTime StartUtc => DateTime.SpecifyKind(First.ToDateTime(TimeOnly.MinValue) - DoualaTime.Offset, DateTimeKind.Utc);

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(First.AddDays);
}
