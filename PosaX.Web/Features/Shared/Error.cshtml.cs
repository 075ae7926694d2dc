using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Shared;

/// <summary>
/// Status codes of GET requests are re-executed here (a French page); exceptions and failed
/// posts are answered by <see cref="Infrastructure.Web.ErrorResponses"/>.
/// </summary>
public class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? code)
    {
        Status = code is >= 400 and < 600 ? code.Value : 404;
        (Heading, Explanation) = Texts(Status);
        ViewData["Meta"] = new PageMeta(Heading, NoIndex: true);
        Response.StatusCode = Status;
        return Page();
    }

    public static (string Heading, string Explanation) Texts(int status) => status switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas ou plus."),
            403 => ("Accès refusé", "Vous n'avez pas accès à cette page."),
            410 => ("Page retirée", "Ce contenu a été retiré."),
            413 => ("Envoi trop volumineux", "Le fichier envoyé est trop lourd."),
            429 => ("Trop de requêtes", "Patientez un instant avant de réessayer."),
            400 => ("Requête invalide", "La requête n'a pas pu être traitée. Rechargez la page et réessayez."),
            503 => ("Service momentanément indisponible", "Le site redémarre ou est surchargé. Réessayez dans quelques secondes."),
            507 => ("Espace de stockage saturé", "Le serveur ne peut pas enregistrer de fichiers pour le moment. Réessayez plus tard."),
            _ => ("Une erreur est survenue", "Nous n'avons pas pu traiter votre demande. Réessayez dans un instant."),
        };
}
