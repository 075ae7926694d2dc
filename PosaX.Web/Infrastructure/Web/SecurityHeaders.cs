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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.IsHttps
                    ? ContentSecurityPolicy
                    : ContentSecurityPolicy.Replace("; upgrade-insecure-requests", "");
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
