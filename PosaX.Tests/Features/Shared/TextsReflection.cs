using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Tests.Features.Shared;

/// <summary>
/// How the texts tests (French typography, English texts) walk a texts class: its nested classes, and the strings
/// a member gives (a text, a mail, a list, a dictionary, tuples, a record of texts).
/// </summary>
public static class TextsReflection
{
    public static IEnumerable<Type> Nested(Type type, bool nonPublic = false) => new[] { type }.Concat(
        type.GetNestedTypes(nonPublic ? BindingFlags.Public | BindingFlags.NonPublic : BindingFlags.Public)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute))).SelectMany(t => Nested(t, nonPublic)));

    public static IEnumerable<string> StringsIn(object? value)
    {
        switch (value)
        {
            case null: yield break;
            case string s: yield return s; yield break;
            // A mail's texts (not its address, headers or language code).
            case MailMessage mail: yield return mail.Subject; yield return mail.TextBody; yield return mail.HtmlBody; yield break;
            // A text with marked words (LanguageMarks): as the page writes it.
            case Microsoft.AspNetCore.Html.IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
                    yield return writer.ToString();
                }
                yield break;
            case IDictionary dictionary:
                foreach (var v in dictionary.Values) foreach (var s in StringsIn(v)) yield return s;
                yield break;
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++) foreach (var s in StringsIn(tuple[i])) yield return s;
                yield break;
            case IEnumerable items:
                foreach (var v in items) foreach (var s in StringsIn(v)) yield return s;
                yield break;
        }
        // A record of texts (a page's title and description…): its string properties.
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            if (property.PropertyType == typeof(string) || property.PropertyType == typeof(string[]))
                foreach (var s in StringsIn(property.GetValue(value))) yield return s;
    }
}
