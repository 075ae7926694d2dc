using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PosaX.Web.Infrastructure.Images;

public static class MediaEndpoints
{
    public const string RequestPath = "/media";

    private const string WithheldItem = "posax.media.withheld";

    // The media branch runs before the authentication middleware: the session cookie is read here,
    // only for a withheld picture.
    private static async Task<bool> MaySeeWithheldAsync(HttpContext context, Guid owner)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded) return false;
        return session.Principal.IsInRole(Features.Admin.AdminFeature.RoleName)
            || session.Principal.FindFirstValue(ClaimTypes.NameIdentifier) == owner.ToString();
    }

    /// <summary>
    /// Serves the image store under /media: only .webp and .jpg, immutable caching (keys are random and
    /// never reused), nosniff, no directory listing, nothing under a dot-directory (.staging). Anything
    /// else under /media is a 404 and never reaches the rest of the pipeline, and so are the pictures
    /// the public must not see (<see cref="WithheldMedia"/>).
    /// </summary>
    public static IApplicationBuilder UsePosaXMedia(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.ApplicationServices.GetRequiredService<ImagePipeline>();
        // Registered by AddPosaXImages; absent only from a media-only host (MediaEndpointsTests).
        var withheld = app.ApplicationServices.GetService<WithheldMedia>();
        // Every request's pages write picture URLs under this base (/media unless a public base is set).
        var publicBase = app.ApplicationServices.GetService<IOptions<StorageOptions>>() is { } storage ? PublicMediaUrls.FromSettings(storage.Value) : null;
        app.Use((context, next) =>
        {
            PublicMediaUrls.UseFor(publicBase);
            return next(context);
        });

        var contentTypes = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".webp"] = "image/webp",
            [".jpg"] = "image/jpeg",
        });
        var options = new StaticFileOptions
        {
            // ExclusionFilters.Sensitive hides dot-files, dot-directories, hidden and system files.
            FileProvider = new PhysicalFileProvider(pipeline.RootPath, ExclusionFilters.Sensitive),
            ContentTypeProvider = contentTypes,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = ctx.Context.Items.ContainsKey(WithheldItem)
                    ? "private, no-store"
                    : "public, max-age=31536000, immutable";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        };

        app.Map(RequestPath, media =>
        {
            media.Use(async (context, next) =>
            {
                var path = context.Request.Path.Value ?? string.Empty;
                // Belt and braces on top of the file provider's own filters: no dot segment, no backslash.
                if (path.Contains("/.", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                // A hidden work's or a suspended artist's pictures: as if they did not exist, but to
                // their owner (the atelier lists hidden works) and to admins (moderation), privately.
                var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (segments.Length == 4 && withheld is not null && await withheld.OwnerIfWithheldAsync(string.Join('/', segments[..3]), context.RequestAborted) is { } owner)
                {
                    if (!await MaySeeWithheldAsync(context, owner))
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }
                    context.Items[WithheldItem] = true;
                }
                // The static file middleware stands aside when routing already picked an endpoint (a
                // catch-all page, say); under /media nothing but files is served, so drop it.
                context.SetEndpoint(null);
                await next(context);
            });
            // S3: the bucket answers for every /media/{key}/{file} (same paths, same headers).
            if (pipeline.Bucket is { } bucket)
                media.Run(context => bucket.ServeAsync(context, (context.Request.Path.Value ?? "").TrimStart('/'),
                    context.Items.ContainsKey(WithheldItem) ? "private, no-store" : "public, max-age=31536000, immutable"));
            media.UseStaticFiles(options);
            media.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }
}
