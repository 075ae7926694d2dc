using Microsoft.AspNetCore.Identity;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Atelier;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Where a sign-in lands when no ReturnUrl says otherwise: an admin on the moderation dashboard,
/// an artist in the atelier (its checklist says what to do next).
/// </summary>
public static class SignInLanding
{
    public static async Task<string> ForAsync(UserManager<Artist> users, Artist user) =>
        await users.IsInRoleAsync(user, AdminFeature.RoleName) ? "/admin" : AtelierHomeModel.Path;
}
