using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Profile;

/// <summary>The signed-in artist's own account, /profil/*: profile and security.</summary>
public static class ProfileFeature
{
    public static WebApplicationBuilder AddProfileFeature(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Profile"));
        return builder;
    }
}
