using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// <c>dotnet PosaX.Web.dll create-admin --email E --password P</c> (or <c>dotnet run --project
/// PosaX.Web -- create-admin …</c>): creates an activated admin account, or promotes an existing one
/// (its password is then set to P). There is no default admin and no default password anywhere.
/// Exit codes: 0 done, 2 bad arguments (email, password rules), 1 anything else.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args is ["create-admin", ..];

    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var email = Option(args, "--email")?.Trim();
        var password = Option(args, "--password");
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            await output.WriteLineAsync("create-admin: --email must be a valid address. Usage: create-admin --email E --password P");
            return 2;
        }
        if (PasswordRules.Check(password, email) is { } problem)
        {
            await output.WriteLineAsync($"create-admin: the password breaks the rules: {problem}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        if (!await roles.RoleExistsAsync(AdminFeature.RoleName))
            Check(await roles.CreateAsync(new IdentityRole<Guid>(AdminFeature.RoleName)));

        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new Artist
            {
                Id = Guid.CreateVersion7(),
                DisplayName = "Administrateur",
                Slug = await ArtistSlugs.NextFreeAsync(db, "administrateur"),
                Email = email,
                UserName = email,
                EmailConfirmed = true,
                CreatedAt = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(user, password!));
        }
        else
        {
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password!));
        }
        if (!await users.IsInRoleAsync(user, AdminFeature.RoleName))
            Check(await users.AddToRoleAsync(user, AdminFeature.RoleName));
        await output.WriteLineAsync(created
            ? $"create-admin: admin account {email} created."
            : $"create-admin: {email} is now an admin (account activated, password set).");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
