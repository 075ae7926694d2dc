"""The table of bench/run.sh, and the targets met or missed (exit 1 on a miss). Stdlib only."""
import argparse
import json
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("results")
parser.add_argument("--seed", type=float, required=True)
parser.add_argument("--seed-log", required=True)
parser.add_argument("--image", required=True, help="'median min max' in ms")
parser.add_argument("--rss", type=int, required=True, help="kB")
parser.add_argument("--hwm", type=int, required=True, help="kB")
parser.add_argument("--extra", type=int, required=True, help="kB, after the rows beyond the contract")
parser.add_argument("--idle", type=int, required=True, help="kB, after 30 s without requests")
parser.add_argument("--artists", type=int, required=True)
parser.add_argument("--artworks", type=int, required=True)
parser.add_argument("--duration", type=int, required=True)
parser.add_argument("--pg", required=True)
parser.add_argument("--machine", required=True)
parser.add_argument("--load", required=True, help="load averages at the start → at the end")
parser.add_argument("--ready", type=float, required=True, help="seconds from start to /health/ready")
parser.add_argument("--first-minute", type=float, default=0, help="seconds after start when the first-minute rows began")
parser.add_argument("--sitemap-ttfb", default="0 0", help="'index slowest-child' first byte in ms, cold")
parser.add_argument("--cache-kb", type=int, default=0, help="disk used by the caches (page snapshots), kB")
parser.add_argument("--json", help="write a summary (rows and figures) for bench/compare.py")
parser.add_argument("--pair", help="more runs of page 1 and the deep page, uncached (JSON lines)")
parser.add_argument("--out")
args = parser.parse_args()

rows = [json.loads(line) for line in open(args.results) if line.strip()]


def errors(run):
    return run["connect"] + run["read"] + run["write"] + run["status"] + run["timeout"]


lines = [
    f"Machine: {args.machine}; load average (1, 5, 15 min) {args.load}",
    "",
    f"{args.artists:,} artists, {args.artworks:,} works; PostgreSQL {args.pg}; wrk, 2 threads, {args.duration} s a run; "
    "static = the same bytes as a file served by the same Kestrel",
    "",
    "| page | conn. | HTML bytes | req/s | p50 ms | p99 ms | errors | static req/s | ratio |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for r in rows:
    p, s = r["page"], r["static"]
    ratio = p["rps"] / s["rps"] if s["rps"] else 0
    note = f" (list reused {p['list_wraps']}×)" if p.get("list_wraps") else ""
    lines.append(f"| {r['name']}{note} | {r['connections']} | {r['html_bytes']:,} | {p['rps']:,.0f} | {p['p50_ms']:.1f} | "
                 f"{p['p99_ms']:.1f} | {errors(p)} | {s['rps']:,.0f} | {ratio:.2f}× |")

median, low, high = (int(x) for x in args.image.split())
index_ttfb, child_ttfb = (float(x) for x in args.sitemap_ttfb.split())
seed_phases = [l.strip() for l in open(args.seed_log) if re.search(r"written|generated|VACUUM|done in", l)]
lines += [
    "",
    f"- seed-demo ({args.artists:,} artists, {args.artworks:,} works): {args.seed:.1f} s wall clock (process start to exit)",
    *[f"  - {l}" for l in seed_phases],
    f"- app memory right after the load: VmRSS {args.rss / 1024:.0f} MB (peak VmHWM {args.hwm / 1024:.0f} MB); "
    f"{args.extra / 1024:.0f} MB after the work sitemap row, {args.idle / 1024:.0f} MB after 30 s without requests",
    f"- 12 MP photo → 5 WebP widths + og.jpg: median {median} ms (min {low}, max {high}, 5 runs)",
    f"- start to /health/ready: {args.ready:.1f} s; nothing rendered ahead (no work in proportion to the catalogue at start)",
    f"- first-minute rows began {args.first_minute:.0f} s after start (after the URL collection from the sitemaps)",
    f"- sitemap, cold, first byte: index {index_ttfb:.0f} ms, slowest work child {child_ttfb:.0f} ms",
    f"- disk used by the caches (page snapshots) after the load: {args.cache_kb / 1024:.0f} MB",
]


def find(prefix, connections=None):
    for r in rows:
        if r["name"].startswith(prefix) and (connections is None or r["connections"] == connections):
            return r
    sys.exit(f"report.py: no row '{prefix}' at {connections} connections")


def ratio(r):
    return r["page"]["rps"] / r["static"]["rps"]


page1 = next(r for r in rows if r["name"] == "catalogue page 1")
page1u, deep, work = find("catalogue page 1, uncached"), find("deep page"), find("random work pages")


def median_rps(row, prefix):
    runs = [row["page"]["rps"]] + [json.loads(l)["page"]["rps"] for l in (open(args.pair) if args.pair else []) if json.loads(l)["name"].startswith(prefix)]
    return sorted(runs)[len(runs) // 2], runs


page1u_rps, page1u_runs = median_rps(page1u, "catalogue page 1, uncached")
deep_rps, deep_runs = median_rps(deep, "deep page")
search16 = find("random filtered searches", 16)
first_work, first_search = find("first minute: random work pages"), find("first minute: random filtered searches")
# Issue 17: 150 ms at 1,000,000 works, 100 ms at 100,000 (and below).
search_target = 150 if args.artworks > 100_000 else 100
busiest = max(r["connections"] for r in rows)
at_busiest = [r for r in rows if r["connections"] == busiest]
deep_gap = abs(deep_rps - page1u_rps) / page1u_rps
targets = [
    (f"0 errors at {busiest} connections", all(errors(r["page"]) == 0 and errors(r["static"]) == 0 for r in at_busiest),
     ", ".join(f"{r['name']}: {errors(r['page'])}" for r in rows if errors(r["page"])) or "none"),
    ("catalogue page 1 ≥ 0.5× static", ratio(page1) >= 0.5, f"{ratio(page1):.2f}×"),
    ("random work pages ≥ 0.25× static", ratio(work) >= 0.25, f"{ratio(work):.2f}×"),
    (f"first minute: cold work pages p99 ≤ 50 ms at {first_work['connections']} connections", first_work["page"]["p99_ms"] <= 50,
     f"{first_work['page']['p99_ms']:.0f} ms ({first_work['page']['rps']:,.0f} req/s, {ratio(first_work):.2f}× static)"),
    (f"first minute: random searches p99 ≤ {search_target} ms at 16 connections", first_search["page"]["p99_ms"] <= search_target,
     f"{first_search['page']['p99_ms']:.0f} ms ({first_search['page']['rps']:,.0f} req/s)"),
    (f"random searches p99 ≤ {search_target} ms at 16 connections", search16["page"]["p99_ms"] <= search_target, f"{search16['page']['p99_ms']:.0f} ms"),
    ("ready ≤ 10 s after start", args.ready <= 10, f"{args.ready:.1f} s"),
    ("sitemap index and children: first byte ≤ 200 ms", max(index_ttfb, child_ttfb) <= 200, f"index {index_ttfb:.0f} ms, slowest child {child_ttfb:.0f} ms"),
    ("disk used by caches ≤ 1 GB", args.cache_kb <= 1024 * 1024, f"{args.cache_kb / 1024:.0f} MB"),
    ("deep page within 20% of page 1, uncached", deep_gap <= 0.2,
     f"medians {deep_rps:,.0f} vs {page1u_rps:,.0f} req/s ({deep_gap:.0%} apart; runs "
     f"{', '.join(f'{r:,.0f}' for r in deep_runs)} vs {', '.join(f'{r:,.0f}' for r in page1u_runs)})"),
    ("app memory ≤ 400 MB", args.rss <= 400 * 1024, f"{args.rss / 1024:.0f} MB"),
    ("12 MP photo into all its variants ≤ 1 s", median <= 1000, f"{median} ms"),
    ("seeding ≤ 10 minutes", args.seed <= 600, f"{args.seed:.0f} s"),
]
lines += ["", "| target | met | measured |", "| --- | --- | --- |"]
lines += [f"| {name} | {'yes' if ok else '**NO**'} | {measured} |" for name, ok, measured in targets]

text = "\n".join(lines)
if args.json:
    with open(args.json, "w") as f:
        json.dump({"artworks": args.artworks, "artists": args.artists, "load": args.load, "rows": rows, "seed_s": args.seed,
                   "ready_s": args.ready, "rss_mb": args.rss / 1024, "cache_mb": args.cache_kb / 1024,
                   "sitemap_ttfb_ms": [index_ttfb, child_ttfb], "page1_median": page1u_rps, "deep_median": deep_rps,
                   "targets": [[n, ok, m] for n, ok, m in targets]}, f)
print(text)
if args.out:
    with open(args.out, "w") as f:
        f.write(text + "\n")
sys.exit(0 if all(ok for _, ok, _ in targets) else 1)
