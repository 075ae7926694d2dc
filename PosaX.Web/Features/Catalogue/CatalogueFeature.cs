namespace PosaX.Web.Features.Catalogue;

/// <summary>The public catalogue: home, /oeuvres (browse and search), work pages and their reports.</summary>
public static class CatalogueFeature
{
    public static WebApplicationBuilder AddCatalogueFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ArtworkSearch>();
        builder.Services.AddSingleton<ArtworkPageModel.Query>();
        builder.Services.AddSingleton<CatalogueTotals>();
        builder.Services.AddSingleton<SearchStatistics>();
        builder.Services.AddSingleton<ReportThrottle>();
        return builder;
    }
}
