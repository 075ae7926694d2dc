namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Headers on every response (HTML, JSON, media, static, errors). The CSP allows no inline
/// script or style: every script is an ES module under wwwroot/js. form-action allows WhatsApp:
/// a plain post of the order form is redirected to wa.me (which redirects to api.whatsapp.com),
/// and Chrome applies form-action to every redirect of a form submission.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self' https://wa.me https://api.whatsapp.com; frame-ancestors 'none'; upgrade-insecure-requests";

    /// <summary>The policy, with the origin pictures come from when it is not the site's (<c>Storage__S3__PublicBaseUrl</c>).</summary>
    public static string PolicyFor(string? imageOrigin) => imageOrigin is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' {imageOrigin} data: blob:;");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var storage = app.ApplicationServices.GetService<Microsoft.Extensions.Options.IOptions<StorageOptions>>();
        var policy = PolicyFor(storage is null ? null : Images.PublicMediaUrls.Origin(storage.Value));
        var plainHttpPolicy = policy.Replace("; upgrade-insecure-requests", "");
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.IsHttps ? policy : plainHttpPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
