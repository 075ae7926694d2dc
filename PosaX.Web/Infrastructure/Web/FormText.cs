using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// What a person can type into a form. A NUL makes PostgreSQL refuse the whole row (a 500 after
/// validation passed), other control characters and noncharacters have no business in a name,
/// a title or a message and break text functions (normalisation throws on U+FFFF): any posted
/// value holding one is refused at its field, before a handler sees it. Tab and line breaks stay.
/// </summary>
public static class FormText
{
    public const string Untypeable = "Ce champ contient des caractères invisibles non autorisés.";

    public static bool IsTypeable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < ' ' and not ('\t' or '\n' or '\r') || c == '\u007F' || TextFolding.IsNoncharacter(c)) return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if ((char.ConvertToUtf32(c, value[++i]) & 0xFFFE) == 0xFFFE) return false; // U+1FFFE, U+10FFFF…
            }
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
