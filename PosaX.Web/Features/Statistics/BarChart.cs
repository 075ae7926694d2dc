namespace PosaX.Web.Features.Statistics;

/// <summary>
/// A measure's days as bars of an inline SVG drawn on the server (no chart library, no script):
/// one bar per day, scaled to the period's highest day. The page gives its text equivalent.
/// </summary>
public sealed record BarChart(string Id, string Name, DailySeries Series, int Total, string? Note = null)
{
    public const int Height = 48;
    public const int BarWidth = 4;

    public int Width => Series.Days.Count * BarWidth;

    public IEnumerable<(double X, double Y, double H)> Bars()
    {
        var max = Math.Max(1, Series.Values.DefaultIfEmpty(0).Max());
        for (var i = 0; i < Series.Values.Count; i++)
        {
            var h = Series.Values[i] == 0 ? 0 : Math.Max(1.5, (Height - 2) * Series.Values[i] / (double)max);
            yield return (i * BarWidth + 0.5, Height - h, h);
        }
    }
}
