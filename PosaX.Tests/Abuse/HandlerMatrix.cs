using System.Net;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Who posts. <see cref="Artist"/> owns the resource a recipe acts on (its work, its order);
/// <see cref="OtherArtist"/> is signed in but owns nothing there; <see cref="SuspendedArtist"/>
/// signed in, then was suspended by an admin (its session dies); admins own nothing either.
/// </summary>
public enum Role { Anonymous, Artist, OtherArtist, SuspendedArtist, Admin }

/// <summary>Who may use a handler; each kind implies the refusals below.</summary>
public enum Access
{
    /// <summary>Anyone (a suspended session counts as anonymous).</summary>
    Public,
    /// <summary>Any signed-in account, on its own data.</summary>
    SignedIn,
    /// <summary>Only the owner of the resource; anyone else signed in gets 404, as if it did not exist.</summary>
    Owner,
    /// <summary>Admins; artists get 403.</summary>
    Admin,
}

/// <summary>One row of the role × handler matrix: the decision for a handler and how to make a valid post of it.</summary>
public sealed record HandlerRow(string Route, string? Handler, Access Access, Func<Cell, Task<PreparedPost>> Prepare)
{
    public string Key => PostHandler.HandlerKey(Route, Handler);

    /// <summary>Answers that differ from the access kind's (e.g. the owner may not order its own work: 400).</summary>
    public IReadOnlyDictionary<Role, HttpStatusCode> Except { get; init; } = new Dictionary<Role, HttpStatusCode>();

    /// <summary>
    /// Takes no antiforgery token by design (RFC 8058's one-click unsubscribe, posted by a mail client
    /// with no page and no cookie; the view beacon, which changes nothing but a counter): the fuzzer's
    /// token cases expect no 400 there.
    /// </summary>
    public bool AntiforgeryExempt { get; init; }

    /// <summary>What a success looks like: the JSON contract's success, unless the handler answers otherwise (the view beacon: 204).</summary>
    public Func<Answer, bool> Succeeded { get; init; } = answer => answer.Succeeded;

    /// <summary>A success uses the target up (a reset link, a session, a mail quota…): the fuzzer prepares anew after one.</summary>
    public bool ConsumedOnSuccess { get; init; }

    /// <summary>Null: the role may post and succeeds. Otherwise the status it must get.</summary>
    public HttpStatusCode? Refusal(Role role)
    {
        if (Except.TryGetValue(role, out var status)) return status;
        return (Access, role) switch
        {
            (Access.Public, _) => null,
            (_, Role.Anonymous or Role.SuspendedArtist) => HttpStatusCode.Unauthorized,
            (Access.SignedIn, _) => null,
            (Access.Owner, Role.Artist) => null,
            (Access.Owner, _) => HttpStatusCode.NotFound,
            (Access.Admin, Role.Admin) => null,
            (Access.Admin, _) => HttpStatusCode.Forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
    }

    /// <summary>The role the fuzzer posts as: one the handler accepts.</summary>
    public Role FuzzRole => Enum.GetValues<Role>().First(r => Refusal(r) is null);

    public override string ToString() => Key;
}

/// <summary>
/// Every POST handler of the app and who may use it. A handler found in the running app without a
/// row here fails HandlerMatrixTests: adding a handler forces a decision. Add one line per handler
/// (a recipe from <see cref="Recipes"/>, or <see cref="Recipes.FormOn"/> for a simple form).
/// </summary>
public static class HandlerMatrix
{
    public static readonly HandlerRow[] Rows =
    [
        // Accounts (public: a suspended session is just anonymous there).
        new("/connexion", null, Access.Public, Recipes.Login) { ConsumedOnSuccess = true },
        new("/inscription", null, Access.Public, Recipes.Register) { ConsumedOnSuccess = true },
        new("/inscription/confirmation", null, Access.Public, Recipes.ResendActivation) { ConsumedOnSuccess = true },
        new("/mot-de-passe-oublie", null, Access.Public, Recipes.ForgotPassword) { ConsumedOnSuccess = true },
        new("/reinitialisation", null, Access.Public, Recipes.ResetPassword) { ConsumedOnSuccess = true },
        new("/deconnexion", null, Access.Public, Recipes.Logout) { ConsumedOnSuccess = true },
        new("/connexion/double-authentification", null, Access.Public, Recipes.TwoFactorCode) { ConsumedOnSuccess = true },
        new("/connexion/double-authentification", "Recovery", Access.Public, Recipes.TwoFactorRecovery) { ConsumedOnSuccess = true },
        // Own account.
        new("/profil", null, Access.SignedIn, Recipes.Profile),
        new("/profil/securite", "Enable", Access.SignedIn, Recipes.EnableTwoFactor) { ConsumedOnSuccess = true },
        new("/profil/securite", "Codes", Access.SignedIn, Recipes.NewRecoveryCodes),
        new("/profil/securite", "Disable", Access.SignedIn, Recipes.DisableTwoFactor) { ConsumedOnSuccess = true },
        // Atelier: creating is for any account; a work or an order answers 404 to anyone but its owner.
        new("/atelier/oeuvres/nouvelle", null, Access.SignedIn, Recipes.NewWork),
        new("/atelier/oeuvres/{id:long}/modifier", null, Access.Owner, Recipes.EditWork),
        new("/atelier/oeuvres/{id:long}/supprimer", null, Access.Owner, Recipes.DeleteWork) { ConsumedOnSuccess = true },
        new("/atelier/commandes/{id:long}/statut", null, Access.Owner, Recipes.MoveOrder) { ConsumedOnSuccess = true },
        // Buyers: anyone, but not the artist on its own work.
        new("/oeuvres/{id:long}/commander", null, Access.Public, Recipes.PlaceOrder)
            { ConsumedOnSuccess = true, Except = new Dictionary<Role, HttpStatusCode> { [Role.Artist] = HttpStatusCode.BadRequest } },
        // Moderation.
        new("/admin/oeuvres", "Hide", Access.Admin, Recipes.HideWork),
        new("/admin/oeuvres", "Show", Access.Admin, Recipes.ShowWork),
        new("/admin/oeuvres", "Feature", Access.Admin, Recipes.FeatureWork),
        new("/admin/artistes", "Suspend", Access.Admin, Recipes.SuspendArtist),
        new("/admin/artistes", "Reactivate", Access.Admin, Recipes.ReactivateArtist),
        new("/admin/signalements", "Close", Access.Admin, Recipes.CloseReport) { ConsumedOnSuccess = true },
        new("/admin/categories", "Add", Access.Admin, Recipes.AddCategory),
        new("/admin/categories", "Rename", Access.Admin, Recipes.RenameCategory),
        new("/admin/categories", "Move", Access.Admin, Recipes.MoveCategory) { ConsumedOnSuccess = true },
        new("/admin/categories", "Retire", Access.Admin, Recipes.RetireCategory),
        new("/admin/categories", "Restore", Access.Admin, Recipes.RestoreCategory),
        new("/admin/categories", "Delete", Access.Admin, Recipes.DeleteCategory) { ConsumedOnSuccess = true },
        // Visitors flag a work (anyone, its artist too).
        new("/oeuvres/{id:long}/signaler", null, Access.Public, Recipes.ReportWork) { ConsumedOnSuccess = true },
        new("/contact", null, Access.Public, Recipes.WriteToTheTeam),
        // Follows and alerts: anyone; the links' pages act on what their token names.
        new("/artistes/{slug}/suivre", null, Access.Public, Recipes.FollowArtist) { ConsumedOnSuccess = true },
        new("/oeuvres/alerte", null, Access.Public, Recipes.SaveAlert) { ConsumedOnSuccess = true },
        new("/abonnement/confirmer/{token}", null, Access.Public, Recipes.ConfirmSubscription) { ConsumedOnSuccess = true },
        new("/abonnement/renouveler/{token}", null, Access.Public, Recipes.RenewAlert),
        new("/desabonnement/{token}/confirmer", null, Access.Public, Recipes.Unsubscribe) { ConsumedOnSuccess = true },
        new("/desabonnement/{token}", null, Access.Public, Recipes.OneClickUnsubscribe) { ConsumedOnSuccess = true, AntiforgeryExempt = true },
        // Favourites and the view beacon (Features/Favourites, Features/Statistics): anyone, counted only.
        new("/oeuvres/{id:long}/favori", null, Access.Public, Recipes.Favourite),
        new("/oeuvres/{id:long}/vue", null, Access.Public, Recipes.CountView)
            { AntiforgeryExempt = true, Succeeded = answer => answer.Status == HttpStatusCode.NoContent },
    ];

    /// <summary>
    /// The handler's row; an English route (/en/…, issue 18) is the same handler as its French twin, made from
    /// it by one table (LocalizedPaths), so it takes the French row: who may post is the handler's rule, not
    /// the URL's language. The matrix and the fuzzing post to the French URLs.
    /// </summary>
    public static HandlerRow? For(PostHandler handler) =>
        Rows.FirstOrDefault(r => r.Key == handler.Key)
        ?? (handler.Route.StartsWith(PosaX.Web.Infrastructure.Web.LocalizedPaths.EnglishPrefix + "/", StringComparison.Ordinal)
            ? Rows.FirstOrDefault(r => r.Key == PostHandler.HandlerKey(FrenchTwin(handler.Route), handler.Handler))
            : null);

    /// <summary>"/en/artworks/{id:long}/order" → "/oeuvres/{id:long}/commander": each path word back through the one
    /// table, parameters kept.</summary>
    private static string FrenchTwin(string englishRoute) =>
        "/" + string.Join('/', englishRoute.Trim('/').Split('/').Skip(1)
            .Select(segment => segment.StartsWith('{') ? segment : PosaX.Web.Infrastructure.Web.LocalizedPaths.FrenchWord(segment)));
}
