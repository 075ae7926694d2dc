using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>What the work page and the report page hand the report form partial.</summary>
public sealed record ReportFormModel(long ArtworkId) : CachedPageForm<ReportInput>(ArtworkId)
{
    public string ReportPageUrl => $"/oeuvres/{ArtworkId}/signaler";
}
