using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Atelier;

/// <summary>The artist's workspace, /atelier/*: works and orders, for signed-in artists only.</summary>
public static class AtelierFeature
{
    /// <summary>Up to 8 photos of 10 MB each: the work form alone may send more than Kestrel's default 30 MB.</summary>
    public const long ArtworkFormMaxBytes = 90_000_000;

    public static WebApplicationBuilder AddAtelierFeature(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Atelier");
            options.Conventions.AddPageRoute("/Atelier/EditArtwork", "atelier/oeuvres/{id:long}/modifier");
            options.Conventions.AddPageApplicationModelConvention("/Atelier/EditArtwork", model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(ArtworkFormMaxBytes));
                model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ArtworkFormMaxBytes });
            });
        });
        return builder;
    }
}
