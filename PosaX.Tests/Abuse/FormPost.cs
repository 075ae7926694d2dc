using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// A valid post of one handler, as a real form gives it: the form (its action, its hidden inputs,
/// its encoding) and the values a person would type. The fuzzer and the role matrix start from it.
/// </summary>
public sealed record PreparedPost(IHtmlFormElement Form, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<Upload> Files)
{
    public PreparedPost(IHtmlFormElement form, IDictionary<string, string> fields, params Upload[] files)
        : this(form, fields.ToList(), files) { }

    public string Action => Form.GetAttribute("action") ?? throw new AssertionException("The form has no action.");
    public bool Multipart => Form.Enctype == "multipart/form-data";

    /// <summary>
    /// What a browser would submit (hidden inputs, text fields with their current values, checked
    /// boxes, selected options, textareas; the antiforgery token aside: it travels in a header),
    /// with the typed values replacing the fields of the same name.
    /// </summary>
    public List<KeyValuePair<string, string>> Values()
    {
        var typed = Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in Form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken" || typed.Contains(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" or "button" or "image" or "reset" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) values.Add(KeyValuePair.Create(name, box.Value));
                    break;
                case IHtmlInputElement input:
                    values.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (option is not null) values.Add(KeyValuePair.Create(name, option.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(KeyValuePair.Create(name, area.Value));
                    break;
            }
        }
        values.AddRange(Fields);
        return values;
    }

    /// <summary>The names this post sends (files aside).</summary>
    public string[] FieldNames() => Values().Select(v => v.Key).Distinct(StringComparer.Ordinal).ToArray();

    public string[] FileFields() =>
        Form.QuerySelectorAll("input[type=file]").Select(e => e.GetAttribute("name")).OfType<string>().Distinct().ToArray();
}

/// <summary>One request body part: text values are UTF-8, but raw bytes (invalid UTF-8) can be sent too.</summary>
public readonly record struct RawField(string Name, byte[] Value)
{
    public static RawField Text(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));
}

/// <summary>Builds requests byte by byte where HttpClient's helpers would clean the hostile parts up.</summary>
public static class FormRequests
{
    public static HttpRequestMessage Build(string action, IEnumerable<RawField> fields, IEnumerable<Upload> files, bool multipart,
        string? token, bool ajax = true, bool tokenInBody = false)
    {
        var list = fields.ToList();
        if (token is not null && tokenInBody) list.Insert(0, RawField.Text("__RequestVerificationToken", token));
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = Body(list, files.ToList(), multipart) };
        if (token is not null && !tokenInBody) request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd(ajax ? "application/json" : "text/html");
        return request;
    }

    public static HttpContent Body(IReadOnlyList<RawField> fields, IReadOnlyList<Upload> files, bool multipart)
    {
        if (!multipart && files.Count == 0)
        {
            var body = new MemoryStream();
            foreach (var (field, i) in fields.Select((f, i) => (f, i)))
            {
                if (i > 0) body.WriteByte((byte)'&');
                PercentEncode(body, Encoding.UTF8.GetBytes(field.Name));
                body.WriteByte((byte)'=');
                PercentEncode(body, field.Value);
            }
            var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }
        var multipartContent = new MultipartFormDataContent();
        foreach (var field in fields)
        {
            // No Content-Type on a field part: the server reads it as a form value, bytes as they are.
            var part = new ByteArrayContent(field.Value);
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(field.Name) };
            multipartContent.Add(part);
        }
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            multipartContent.Add(part, file.Field, file.FileName);
        }
        return multipartContent;
    }

    private static string Quoted(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>application/x-www-form-urlencoded of raw bytes (invalid UTF-8 stays invalid).</summary>
    private static void PercentEncode(Stream output, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'*')
                output.WriteByte(b);
            else if (b == (byte)' ') output.WriteByte((byte)'+');
            else
            {
                output.WriteByte((byte)'%');
                output.WriteByte((byte)"0123456789ABCDEF"[b >> 4]);
                output.WriteByte((byte)"0123456789ABCDEF"[b & 15]);
            }
        }
    }
}
