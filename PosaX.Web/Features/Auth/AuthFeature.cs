using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PosaX.Web.Data;

using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// The Auth feature: accounts (Identity, its cookie and server-side sessions, password rules and no
/// lockout, two-factor codes used once), the per-account throttle, and the per-IP limit on every post of its pages.
/// </summary>
public static class AuthFeature
{
    /// <summary>The per-IP limit on every post of the account pages (login, register, resend, reset).</summary>
    public const string AuthRateLimit = "auth";

    /// <summary>Remember me ticked: a persistent cookie for 14 days, as in the client's Django view.</summary>
    public static readonly TimeSpan RememberMeLifetime = TimeSpan.FromDays(14);

    public static WebApplicationBuilder AddAuthFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AccountThrottle>();
        services.AddScoped<AccountMails>();
        services.AddPerClientPostLimit(AuthRateLimit, o => (o.AuthPerIpPerMinute, TimeSpan.FromMinutes(1)));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            options.Conventions.AddFolderApplicationModelConvention("/Auth", model => ClientRateLimits.Limit(model, AuthRateLimit)));

        services.AddIdentity<Artist, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // Length-based rules only (ASVS); PasswordRules adds the maximum and the common list.
                options.Password.RequiredLength = PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No lockout: anyone could lock anyone (PosaXUserManager); AccountThrottle counts failures.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<PosaXDbContext>()
            .AddUserManager<PosaXUserManager>()
            .AddSignInManager<PosaXSignInManager>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: each code once (RFC 6238 §5.2).
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<PosaXIdentityErrors>();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<Artist>, HashedRecoveryCodesUserStore>());

        // OWASP ASVS 5: PBKDF2-HMAC-SHA512 with at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Activation and reset links expire after two days.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(2));

        // Authenticator apps (TOTP): OnceOnlyAuthenticatorTokenProvider above, and recovery codes (required of admins: AdminFeature).

        services.AddSingleton<DbTicketStore>();
        // Identity's short-lived cookies (two-factor step, external logins) as well.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, o => o.Cookie.SecurePolicy = CookieSecurity.PolicyFor(builder.Environment));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "posax.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurity.PolicyFor(builder.Environment);
            cookie.LoginPath = "/connexion";
            cookie.LogoutPath = "/deconnexion";
            cookie.ReturnUrlParameter = "ReturnUrl";
            cookie.ExpireTimeSpan = RememberMeLifetime;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => AnswerFetchOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => AnswerFetchOrRedirect(context, StatusCodes.Status403Forbidden);
            // Signing in on /connexion?ReturnUrl=… makes the cookie handler redirect by itself; a
            // fetch would follow that 302 and get HTML instead of the JSON naming where to go.
            cookie.Events.OnRedirectToReturnUrl = context =>
            {
                if (!AjaxRequests.IsAjax(context.Request)) context.Response.Redirect(LocalizedPaths.For(Relative(context.RedirectUri)));
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore>((cookie, store) => cookie.SessionStore = store);
        return builder;
    }

    /// <summary>
    /// The cookie handler builds its redirects from the request's scheme and Host header, which the
    /// client writes: keep the path and query only, so no Host can send a visitor elsewhere.
    /// </summary>
    internal static string Relative(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery + absolute.Fragment
            : redirectUri;

    // A fetch() cannot follow a redirect to an HTML login page usefully: answer the status instead.
    private static Task AnswerFetchOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!AjaxRequests.IsAjax(context.Request))
        {
            // Signed in but not allowed: a plain 403 (the French error page is re-executed for GETs),
            // not a redirect that would look like success to a crawler or a script.
            if (status == StatusCodes.Status403Forbidden) context.Response.StatusCode = status;
            // In the page's language: /en/studio sends to /en/login.
            else context.Response.Redirect(LocalizedPaths.For(Relative(context.RedirectUri)));
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(status == StatusCodes.Status401Unauthorized
            ? new AjaxResponse(false, AuthTexts.Access.SessionExpired, LocalizedPaths.For("/connexion"), AjaxResponse.NoErrors)
            : new AjaxResponse(false, AuthTexts.Access.Forbidden, null, AjaxResponse.NoErrors));
    }
}
