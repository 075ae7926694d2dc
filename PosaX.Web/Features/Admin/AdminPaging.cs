using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// Keyset paging of the moderation lists, 50 rows a page: a page starts after (or, going back,
/// before) the key of a row, a time and a unique tie-breaker, so page 40 costs what page 1 costs and
/// a row added meanwhile never shifts the others into a duplicate or a gap (no OFFSET). The key
/// travels in the links as <c>apres</c> (next page) or <c>avant</c> (previous page), an opaque
/// URL-safe token; the list's own filters (<c>q</c>, <c>etat</c>) travel with it.
/// </summary>
public static class AdminPaging
{
    public const int PageSize = 50;
    public const string AfterParameter = "apres";
    public const string BeforeParameter = "avant";

    /// <summary>A row's place in its list's order: its time, then its unique tie-breaker.</summary>
    public readonly record struct Key(DateTime At, string Tie)
    {
        public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}.{Tie}")));

        /// <summary>Null when absent or damaged: the list starts at its first page.</summary>
        public static Key? Decode(string? token)
        {
            if (string.IsNullOrEmpty(token) || token.Length > 400) return null;
            try
            {
                var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
                var dot = text.IndexOf('.');
                if (dot <= 0 || dot == text.Length - 1
                    || !long.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    || ticks > DateTime.MaxValue.Ticks) return null;
                return new Key(new DateTime(ticks, DateTimeKind.Utc), text[(dot + 1)..]);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>The tie-breaker as a work's or a report's id; null when it is not one.</summary>
        public long? TieAsId => long.TryParse(Tie, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>Where the request asks the page to start, and in which direction.</summary>
    public readonly record struct Request(Key? Key, bool Backward)
    {
        public static Request From(string? after, string? before) =>
            AdminPaging.Key.Decode(before) is { } back ? new Request(back, true) : new Request(AdminPaging.Key.Decode(after), false);
    }

    /// <summary>
    /// The page from the rows read (in the direction walked, one more than a page to know whether
    /// more follow): at most <see cref="PageSize"/> rows in the list's order, and the links around them.
    /// </summary>
    public static Page<T> Slice<T>(List<T> read, Request request, Func<T, Key> keyOf, string path, IQueryCollection query)
    {
        var more = read.Count > PageSize;
        var rows = read.Take(PageSize).ToList();
        if (request.Backward) rows.Reverse();
        var hasPrevious = request.Backward ? more : request.Key is not null;
        var hasNext = request.Backward || more;
        return new Page<T>(rows, new Links(
            hasPrevious && rows.Count > 0 ? Link(path, query, BeforeParameter, keyOf(rows[0])) : null,
            hasNext && rows.Count > 0 ? Link(path, query, AfterParameter, keyOf(rows[^1])) : null));
    }

    private static string Link(string path, IQueryCollection query, string parameter, Key key)
    {
        var values = query.Where(q => q.Key is not (AfterParameter or BeforeParameter or "handler") && !string.IsNullOrEmpty(q.Value))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new(parameter, key.Encode()));
        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>
    /// A row form's action: the handler, and the list's filters and key, so that a post without
    /// JavaScript renders the same page of the same list again, with the row in its new state.
    /// </summary>
    public static string Action(string path, string handler, IQueryCollection query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => q.Key != "handler" && !string.IsNullOrEmpty(q.Value))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Prepend(new("handler", handler)));

    public sealed record Page<T>(List<T> Rows, Links Links);

    /// <summary>The "Précédentes" / "Suivantes" links of a page (_AdminPager); null where there is nothing.</summary>
    public sealed record Links(string? PreviousUrl, string? NextUrl)
    {
        public static readonly Links None = new(null, null);
    }
}
