namespace PosaX.Web.Features.Shared;

/// <summary>What the layout writes in &lt;head&gt;: set by each page in one place.</summary>
public sealed record PageMeta(string Title, string? Description = null, bool NoIndex = false);
