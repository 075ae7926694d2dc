using System.Globalization;
using PosaX.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// /admin/journal: the append-only log of admin acts (see <see cref="AdminJournal"/>), newest
/// first, 50 a page by keyset on the id (?avant=&lt;id&gt;: no OFFSET however old the page), filtered
/// by action and by admin. Read-only on purpose: this page has no POST handler at all, and the
/// application has no code that updates or deletes these rows.
/// </summary>
public class AdminJournalModel(PosaXDbContext db) : PageModel
{
    public const string Path = "/admin/journal";
    public const int PageSize = 50;

    public sealed record Entry(long Id, string AdminEmail, string Action, string Target, string? Reason, DateTime CreatedAt);

    /// <summary>Entries older than this id (the "plus anciens" link).</summary>
    [BindProperty(SupportsGet = true, Name = "avant")] public long? Before { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "admin")] public string? AdminFilter { get; set; }

    public List<Entry> Entries { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    public List<string> Admins { get; private set; } = [];
    public string? OlderUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ActionFilter = string.IsNullOrWhiteSpace(ActionFilter) ? null : ActionFilter.Trim();
        AdminFilter = string.IsNullOrWhiteSpace(AdminFilter) ? null : AdminFilter.Trim();

        var log = db.AdminLog.AsNoTracking();
        if (ActionFilter is not null) log = log.Where(e => e.Action == ActionFilter);
        if (AdminFilter is not null)
        {
            var email = AdminFilter.ToLowerInvariant();
            log = log.Where(e => e.AdminEmail.ToLower() == email);
        }
        if (Before is { } before) log = log.Where(e => e.Id < before);
        // Ids grow with time (identity), so "newest first" is the primary key backwards.
        var page = await log.OrderByDescending(e => e.Id).Take(PageSize + 1)
            .Select(e => new Entry(e.Id, e.AdminEmail, e.Action, e.Target, e.Reason, e.CreatedAt))
            .ToListAsync(ct);
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            OlderUrl = ListingUrl(page[^1].Id);
        }
        Entries = page;

        // The filter lists: what the journal really holds (a handful of codes and admins).
        Actions = (await db.AdminLog.Select(e => e.Action).Distinct().ToListAsync(ct))
            .OrderBy(AdminTexts.Journal.ActionLabel, StringComparer.Create(Languages.Culture, ignoreCase: true)).ToList();
        Admins = (await db.AdminLog.Select(e => e.AdminEmail).Distinct().ToListAsync(ct))
            .OrderBy(e => e, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>This listing (same filters) from an id on, or from the newest.</summary>
    public string ListingUrl(long? before)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (ActionFilter is not null) query.Add(new("action", ActionFilter));
        if (AdminFilter is not null) query.Add(new("admin", AdminFilter));
        if (before is not null) query.Add(new("avant", before.Value.ToString(CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, query);
    }
}
