namespace PosaX.Web.Data;

/// <summary>
/// How many works of a category are on the site (<see cref="PublicVisibility.ArtworkOnSite"/>: not hidden,
/// by an artist on the site), kept by the database itself: triggers on the works and the artists
/// (migration <c>CategoryWorkCounts</c>, one set per provider) add and subtract in the transaction of
/// every change, whoever makes it (the app's tracked changes, a bulk update, <c>seed-demo</c>'s COPY).
/// Never written by the app. The catalogue's category chips, its "popular categories" and a category's
/// total read it instead of counting every public work (1 s at 1,000,000 works, after every start and
/// every change; issue 17).
/// </summary>
public class CategoryWorkCount
{
    public int CategoryId { get; set; }
    public int Works { get; set; }
}
