using System.Net;

namespace PosaX.Tests.Infrastructure;

/// <summary>The account flows as steps, so tests read as sentences.</summary>
public static class Accounts
{
    public const string Password = "une phrase de passe solide";

    public static Dictionary<string, string> Registration(string email, string name = "Ngono Béatrice",
        string password = Password, string? whatsapp = "677 12 34 56", bool terms = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = name,
            ["email"] = email,
            ["password"] = password,
            ["confirmPassword"] = password,
            ["whatsapp"] = whatsapp ?? "",
        };
        // The conditions' checkbox: ticked, as everyone who registers must; unticked, a browser posts nothing.
        if (terms) fields["terms"] = "true";
        return fields;
    }

    public static Task<AjaxReply> RegisterAsync(this AppClient client, string email, string name = "Ngono Béatrice", params Upload[] files) =>
        client.SubmitAsync("/inscription", "register-form", Registration(email, name), files);

    /// <summary>Opens the activation link of the newest activation mail: signed in afterwards.</summary>
    public static async Task<HttpResponseMessage> ActivateAsync(this AppClient client, PosaXApp app, string email)
    {
        var mail = await app.Mailbox.WaitForAsync(email, "Activez");
        var link = new Uri(mail.Link("/activation"));
        return await client.Http.GetAsync(link.PathAndQuery);
    }

    public static Task<AjaxReply> LoginAsync(this AppClient client, string email, string password = Password, bool rememberMe = false) =>
        client.SubmitAsync("/connexion", "login-form", new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["rememberMe"] = rememberMe ? "true" : "false",
        });

    /// <summary>A new, activated, signed-in artist.</summary>
    public static async Task<(AppClient Client, string Email)> NewArtistAsync(PosaXApp app, string name = "Ngono Béatrice")
    {
        var client = app.CreateBrowserClient();
        var email = $"artiste-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        var reply = await client.RegisterAsync(email, name);
        Assert.That(reply.Success, Is.True, reply.Message);
        using var activation = await client.ActivateAsync(app, email);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return (client, email);
    }
}
