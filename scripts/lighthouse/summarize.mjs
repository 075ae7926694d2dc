// Reads the Lighthouse JSON reports written by scripts/lighthouse.sh, prints a table of scores and
// budgets, and exits 1 when a threshold or budget is missed.
// Usage: node summarize.mjs <dir with NAME.report.json files> NAME... (NAME = page label)
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...names] = process.argv.slice(2);
const KB = 1024;

// Scores (0–1) every page must reach.
// The issue's budget: 100 in each of the four categories, on every page.
const SCORES = { performance: 1.0, accessibility: 1.0, "best-practices": 1.0, seo: 1.0 };
// Page budgets (bytes as transferred, i.e. compressed). Missing key = printed, not enforced.
const BUDGETS = {
  common: { js: 30 * KB, css: 30 * KB, fonts: 0, thirdParty: 0, cls: 0, unsized: 0 },
  work: { total: 500 * KB, lcpImage: 100 * KB },
  catalogue: { total: 800 * KB },
  search: { total: 800 * KB },
  "en-work": { total: 500 * KB, lcpImage: 100 * KB },
  "en-catalogue": { total: 800 * KB },
};

const misses = [];
const rows = [];
const details = [];

const pct = (s) => (s == null ? "n/a" : Math.round(s * 100).toString());
const kb = (b) => (b == null ? "n/a" : (b / KB).toFixed(1));

for (const name of names) {
  const lhr = JSON.parse(readFileSync(join(dir, `${name}.report.json`), "utf8"));
  const a = lhr.audits;
  const cat = (id) => lhr.categories[id]?.score ?? null;
  const page = new URL(lhr.finalDisplayedUrl ?? lhr.finalUrl);
  const path = page.pathname + page.search;

  if (lhr.runtimeError) misses.push(`${name}: Lighthouse runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);

  for (const [id, min] of Object.entries(SCORES)) {
    const s = cat(id);
    if (s == null || s < min) misses.push(`${name}: ${id} ${pct(s)} < ${pct(min)}`);
  }
  // Every failing audit of the four categories, to know what to fix.
  for (const [id, c] of Object.entries(lhr.categories)) {
    for (const ref of c.auditRefs) {
      const audit = a[ref.id];
      if (!audit || audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "manual") continue;
      if (audit.score != null && audit.score < 0.9 && (ref.weight > 0 || id !== "performance"))
        details.push(`  ${name} [${id}] ${ref.id}: ${audit.score} ${audit.displayValue ?? ""} — ${audit.title}`);
    }
  }

  const summary = Object.fromEntries((a["resource-summary"]?.details?.items ?? []).map((i) => [i.resourceType, i]));
  const requests = a["network-requests"]?.details?.items ?? [];
  const origin = page.origin;
  const thirdParty = requests.filter((r) => { try { return new URL(r.url).origin !== origin && !r.url.startsWith("data:"); } catch { return false; } });
  const fonts = requests.filter((r) => r.resourceType === "Font");
  const total = a["total-byte-weight"]?.numericValue ?? null;
  const lcp = a["largest-contentful-paint"]?.numericValue ?? null;
  const cls = a["cumulative-layout-shift"]?.numericValue ?? null;
  const js = summary.script?.transferSize ?? 0;
  const css = summary.stylesheet?.transferSize ?? 0;
  const unsized = a["unsized-images"]?.details?.items?.length ?? 0;

  // LCP element: its snippet names the image; the downloaded request whose path it contains is the LCP image.
  const lcpItems = a["largest-contentful-paint-element"]?.details?.items ?? [];
  const lcpNode = lcpItems.flatMap((i) => (i.type === "table" ? i.items : [i])).map((i) => i.node).find(Boolean);
  const snippet = lcpNode?.snippet ?? "";
  // prioritize-lcp-image's debug data names the LCP request (the srcset candidate actually loaded);
  // the element's snippet (truncated) is the fallback.
  const lcpUrl = a["prioritize-lcp-image"]?.details?.debugData?.initiatorPath?.[0]?.url;
  const images = requests.filter((r) => r.resourceType === "Image");
  const lcpImage = (lcpNode && images.find((r) => r.url === lcpUrl))
    ?? images.find((r) => { try { return snippet.includes(new URL(r.url).pathname); } catch { return false; } });
  const lcpLabel = lcpNode ? (lcpImage ? `img ${kb(lcpImage.transferSize)} KB` : (lcpNode.nodeLabel ?? "").slice(0, 40)) : "n/a";

  const budget = { ...BUDGETS.common, ...(BUDGETS[name] ?? {}) };
  const check = (key, value, fmt = (v) => `${kb(v)} KB`) => {
    if (budget[key] != null && value != null && value > budget[key]) misses.push(`${name}: ${key} ${fmt(value)} > ${fmt(budget[key])}`);
  };
  check("total", total);
  check("js", js);
  check("css", css);
  if (budget.lcpImage != null) {
    if (lcpImage) check("lcpImage", lcpImage.transferSize);
    else details.push(`  ${name}: LCP element is not an image (${lcpNode?.nodeLabel ?? "none"})`);
  }
  check("fonts", fonts.length, (v) => `${v} requests`);
  check("thirdParty", thirdParty.length, (v) => `${v} requests`);
  check("cls", cls, (v) => v.toFixed(3));
  check("unsized", unsized, (v) => `${v} unsized images`);

  rows.push([name, path, pct(cat("performance")), pct(cat("accessibility")), pct(cat("best-practices")), pct(cat("seo")),
    lcp == null ? "n/a" : `${(lcp / 1000).toFixed(1)} s`, cls == null ? "n/a" : cls.toFixed(3), kb(total), kb(js), kb(css),
    lcpLabel, `${fonts.length}/${thirdParty.length}`]);
  details.push(`  ${name}: LCP element ${lcpNode ? `${lcpNode.nodeLabel ?? ""} ${snippet}`.slice(0, 160) : "n/a"}`
    + (lcpImage ? ` → ${new URL(lcpImage.url).pathname} ${kb(lcpImage.transferSize)} KB` : ""));
  for (const r of [...thirdParty, ...fonts]) details.push(`  ${name}: third-party/font request ${r.url}`);
}

const header = ["page", "path", "perf", "a11y", "best pr.", "SEO", "LCP", "CLS", "total KB", "JS KB", "CSS KB", "LCP image", "fonts/3rd"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |");
for (const r of rows) console.log(line(r));
console.log("\nThresholds: perf ≥ 90, a11y ≥ 95, best practices ≥ 95, SEO = 100 on every page; JS and CSS ≤ 30 KB,"
  + " no font or third-party request, CLS 0, no unsized image; total ≤ 500 KB and LCP image ≤ 100 KB on the work page,"
  + " ≤ 800 KB on the catalogue and the search.");
if (details.length) console.log("\nDetails (audits scoring < 0.9, LCP elements):\n" + details.join("\n"));
if (misses.length) {
  console.log("\nMISSED:\n  " + misses.join("\n  "));
  process.exit(1);
}
console.log("\nAll thresholds and budgets met.");
