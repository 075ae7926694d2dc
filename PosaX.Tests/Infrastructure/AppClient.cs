using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PosaX.Tests.Infrastructure;

/// <summary>The JSON every AJAX handler answers.</summary>
public sealed record AjaxReply(
    HttpStatusCode Status, bool Success, string? Message, string? RedirectUrl,
    Dictionary<string, string[]> Errors, HttpResponseMessage Response)
{
    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

/// <summary>A file for a form's file input.</summary>
public sealed record Upload(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");

/// <summary>
/// Drives the site over HTTP as a browser does: keeps cookies, reads pages with an HTML parser,
/// submits the real forms with the antiforgery token they carry — as the site's fetch helper
/// does (token in the RequestVerificationToken header, JSON asked for) or as a plain form post.
/// </summary>
public sealed class AppClient : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public AppClient(PosaXApp app) : this(app.ServerAddress)
    {
    }

    /// <summary>For an app running elsewhere than in this process (a child process, see Faults/AppProcess).</summary>
    public AppClient(Uri server) : this(server, new CookieContainer())
    {
    }

    /// <summary>
    /// The same browser (its cookies) talking to another server, e.g. another instance behind a balancer;
    /// with <paramref name="from"/>, from that local address (another loopback address is another client IP).
    /// </summary>
    public AppClient(Uri server, CookieContainer cookies, IPAddress? from = null)
    {
        // A real socket client to the real server: redirects are asserted, not followed.
        Cookies = cookies;
        var sockets = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        if (from is not null)
        {
            sockets.ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(from.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        Http = new HttpClient(new BehindTlsProxyCookies(Cookies, SetCookieHeaders) { InnerHandler = sockets })
        {
            BaseAddress = server,
        };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    /// <summary>Every Set-Cookie header the server sent this client, in order.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    /// <summary>
    /// Outside Development every cookie is Secure. The browser this client stands for talks https
    /// to the TLS proxy, which forwards plain http over loopback: so cookies are kept and sent as
    /// for the https URL (a CookieContainer sends no Secure cookie to an http one).
    /// </summary>
    private sealed class BehindTlsProxyCookies(CookieContainer cookies, List<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var asBrowser = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttps, Port = request.RequestUri!.Port }.Uri;
            var header = cookies.GetCookieHeader(asBrowser);
            if (header.Length > 0 && !request.Headers.Contains("Cookie")) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                foreach (var setCookie in setCookies)
                {
                    lock (seen) seen.Add(setCookie);
                    cookies.SetCookies(asBrowser, setCookie);
                }
            return response;
        }
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {url}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static IHtmlFormElement Form(IHtmlDocument page, string id) =>
        page.GetElementById(id) as IHtmlFormElement ?? throw new AssertionException($"No <form id=\"{id}\"> on the page.");

    /// <summary>GETs the page, fills the form and posts it the AJAX way.</summary>
    public async Task<AjaxReply> SubmitAsync(string pageUrl, string formId, IDictionary<string, string> fields, params Upload[] files)
    {
        var page = await GetPageAsync(pageUrl);
        return await PostAjaxAsync(Form(page, formId), fields, files);
    }

    public async Task<AjaxReply> PostAjaxAsync(IHtmlFormElement form, IDictionary<string, string> fields, params Upload[] files)
    {
        using var request = BuildPost(form, fields, files, ajax: true, await FetchedTokenAsync(form));
        var response = await Http.SendAsync(request);
        return await ReadAjaxAsync(response);
    }

    /// <summary>
    /// A form of a cached page carries no token but data-token-url: the fetch helper asks that URL
    /// for one right before posting (it also sets the antiforgery cookie), and so does this.
    /// </summary>
    private async Task<string?> FetchedTokenAsync(IHtmlFormElement form)
    {
        var url = form.GetAttribute("data-token-url");
        if (url is null || form.QuerySelector("input[name=__RequestVerificationToken]") is not null) return null;
        using var response = await Http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString();
    }

    /// <summary>The same form posted without JavaScript: token in the body, HTML answered.</summary>
    public async Task<HttpResponseMessage> PostPlainAsync(IHtmlFormElement form, IDictionary<string, string> fields, params Upload[] files)
    {
        using var request = BuildPost(form, fields, files, ajax: false);
        return await Http.SendAsync(request);
    }

    public static async Task<AjaxReply> ReadAjaxAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"),
            $"Expected the JSON contract, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        // The contract's four keys are always there.
        foreach (var key in new[] { "success", "message", "redirect_url", "errors" })
            Assert.That(root.TryGetProperty(key, out _), Is.True, $"JSON lacks \"{key}\": {body}");
        var errors = root.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
        return new AjaxReply(response.StatusCode, root.GetProperty("success").GetBoolean(),
            root.GetProperty("message").GetString(), root.GetProperty("redirect_url").GetString(), errors, response);
    }

    private static HttpRequestMessage BuildPost(IHtmlFormElement form, IDictionary<string, string> fields, Upload[] files, bool ajax,
        string? token = null)
    {
        var action = form.GetAttribute("action") ?? throw new AssertionException("The form has no action.");
        Assert.That(form.Method, Is.EqualTo("post").IgnoreCase, "forms post");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (hidden.Name == "__RequestVerificationToken") token = hidden.Value;
            if (hidden.Name is { Length: > 0 } name && !fields.ContainsKey(name) && (!ajax || name != "__RequestVerificationToken"))
                values.Add(new(name, hidden.Value));
        }
        foreach (var (key, value) in fields)
        {
            // A name may repeat (imageOrder=1&imageOrder=2): callers suffix the dictionary key with \u0001….
            var name = key.Split('\u0001')[0];
            // Only fields the form really has can be posted by a browser (an extra one is a test's own choice: prefix "!").
            if (name.StartsWith('!')) { values.Add(new(name[1..], value)); continue; }
            Assert.That(form.Elements.OfType<IHtmlElement>().Any(e => e.GetAttribute("name") == name), Is.True,
                $"The form {form.Id} has no field \"{name}\".");
            values.Add(new(name, value));
        }

        HttpContent content;
        if (form.Enctype == "multipart/form-data" || files.Length > 0)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                multipart.Add(part, file.Field, file.FileName);
            }
            content = multipart;
        }
        else content = new FormUrlEncodedContent(values);

        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        if (ajax)
        {
            if (token is not null) request.Headers.Add("RequestVerificationToken", token);
            request.Headers.Accept.ParseAdd("application/json");
        }
        else request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    public void Dispose() => Http.Dispose();
}
