using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>A response read whole, with how long it took.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, string Body, TimeSpan Elapsed, HttpResponseMessage Response)
{
    public int Code => (int)Status;
    public bool IsJson => MediaType == "application/json";

    public static async Task<Answer> SendAsync(AppClient client, HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, watch.Elapsed, response);
    }

    /// <summary>
    /// The project's JSON contract (success, message, redirect_url, errors), or why not.
    /// </summary>
    public string? ContractProblem()
    {
        if (!IsJson) return $"not JSON ({MediaType ?? "no body type"}, {Body.Length} bytes)";
        try
        {
            using var json = JsonDocument.Parse(Body);
            foreach (var key in new[] { "success", "message", "redirect_url", "errors" })
                if (!json.RootElement.TryGetProperty(key, out _)) return $"JSON without \"{key}\": {Short}";
            return null;
        }
        catch (JsonException)
        {
            return "invalid JSON: " + Short;
        }
    }

    public bool Succeeded
    {
        get
        {
            if (Status != HttpStatusCode.OK || !IsJson) return false;
            using var json = JsonDocument.Parse(Body);
            return json.RootElement.TryGetProperty("success", out var success) && success.GetBoolean();
        }
    }

    public string Short => Body.Length > 300 ? Body[..300] + "…" : Body;

    public override string ToString() => $"{Code} {MediaType} {Short}";
}
