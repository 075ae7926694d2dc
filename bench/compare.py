"""bench/run.sh with BENCH_SIZES: the same rows at each size, side by side (stdlib only).

    python3 bench/compare.py summary-10000.json summary-100000.json … [--out FILE]
"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("summaries", nargs="+")
parser.add_argument("--out")
args = parser.parse_args()
runs = [json.load(open(p)) for p in args.summaries]


def errors(run):
    return run["connect"] + run["read"] + run["write"] + run["status"] + run["timeout"]


def key(row):
    # Rows whose name carries a size-dependent figure ("deep page (position 48000)") line up by their first words.
    return (row["name"].split(" (position")[0].split(" (")[0] if row["name"].startswith(("deep page", "artist page", "sitemap of"))
            else row["name"]), row["connections"]


names = []
for run in runs:
    for row in run["rows"]:
        if key(row) not in names:
            names.append(key(row))
sizes = [f"{r['artworks']:,}" for r in runs]
lines = ["| page | conn. | " + " | ".join(f"{s}: req/s, p50 / p99 ms (err)" for s in sizes) + " |",
         "| --- | ---: | " + " | ".join("---:" for _ in sizes) + " |"]
for name, c in names:
    cells = []
    for run in runs:
        row = next((r for r in run["rows"] if key(r) == (name, c)), None)
        if row is None:
            cells.append("—")
            continue
        p = row["page"]
        cells.append(f"{p['rps']:,.0f}, {p['p50_ms']:.1f} / {p['p99_ms']:.1f}" + (f" ({errors(p)})" if errors(p) else "")
                     + f" [{p['rps'] / row['static']['rps']:.2f}×]")
    lines.append(f"| {name} | {c} | " + " | ".join(cells) + " |")
figures = [
    ("artists", lambda r: f"{r['artists']:,}"),
    ("seed-demo", lambda r: f"{r['seed_s']:.0f} s"),
    ("start to /health/ready", lambda r: f"{r['ready_s']:.1f} s"),
    ("page 1 / deep page uncached, medians of 3 (req/s)", lambda r: f"{r['page1_median']:,.0f} / {r['deep_median']:,.0f}"),
    ("sitemap first byte, cold: index / slowest child", lambda r: f"{r['sitemap_ttfb_ms'][0]:.0f} / {r['sitemap_ttfb_ms'][1]:.0f} ms"),
    ("app memory after the load (VmRSS)", lambda r: f"{r['rss_mb']:.0f} MB"),
    ("disk used by caches", lambda r: f"{r['cache_mb']:.0f} MB"),
    ("load average (1, 5, 15 min) start → end", lambda r: r["load"]),
    ("targets missed", lambda r: "; ".join(n for n, ok, _ in r["targets"] if not ok) or "none"),
]
lines += ["", "| figure | " + " | ".join(sizes) + " |", "| --- | " + " | ".join("---" for _ in sizes) + " |"]
lines += [f"| {name} | " + " | ".join(f(r) for r in runs) + " |" for name, f in figures]
lines.insert(0, "[n×] = the page's req/s over its static twin's, measured right after it\n")
text = "\n".join(lines)
print(text)
if args.out:
    with open(args.out, "w") as f:
        f.write(text + "\n")
