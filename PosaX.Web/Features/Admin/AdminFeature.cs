using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// The Admin feature: /admin/* for the admin role only (and, where required, with two-factor
/// authentication), the moderation service its pages share.
/// </summary>
public static class AdminFeature
{
    public const string RoleName = "Admin";
    public const string Policy = "Admin";

    public static WebApplicationBuilder AddAdminFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Authenticator apps are required of admins in Production unless Admin__RequireTwoFactor says otherwise.
        var production = builder.Environment.IsProduction();
        services.AddOptions<AdminOptions>().Configure(o => o.RequireTwoFactor = production).BindConfiguration(AdminOptions.Section);
        services.AddScoped<AdminTwoFactorFilter>();
        services.AddScoped<WorkModeration>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireRole(RoleName));
        services.Configure<RazorPagesOptions>(options =>
        {
            // Every page the folder holds or will hold.
            options.Conventions.AuthorizeFolder("/Admin", Policy);
            options.Conventions.AddFolderApplicationModelConvention("/Admin",
                model => model.Filters.Add(new ServiceFilterAttribute(typeof(AdminTwoFactorFilter))));
        });
        return builder;
    }
}

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// An admin without two-factor authentication is sent to enrol before reaching /admin.
    /// Defaults to true in Production and false elsewhere (AdminFeature).
    /// </summary>
    public bool RequireTwoFactor { get; set; }
}
