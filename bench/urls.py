"""URL lists for bench/run.sh, from the running app's own sitemap (stdlib only).

    python3 bench/urls.py http://127.0.0.1:5392 OUT_DIR

Writes to OUT_DIR:
  works-first.txt, searches-first.txt   the first minute after start: 30,000 work pages and 5,000
                 searches no other list holds
  sitemap-ttfb.txt  time to the first byte of the sitemap index and of its slowest child, fetched
                 cold (first request after start), in ms: "index slowest"
  works.txt      every work page of the sitemap, shuffled (minus the warm-up ones): a run walks
                 them in order, so each request is a page nobody asked for yet (output-cache miss)
  warmup.txt     6,000 other work pages, for the warm-up
  searches-warmup.txt  5,000 other searches, for the warm-up
  searches.txt, searches-b.txt   25,000 distinct catalogue searches each: words of real titles, or
                 (a quarter of the texts) a pair of common words (materials, subjects, places),
                 filters combined at random (category, price range, size, orientation, available
                 only, sort)
  sitemap-oeuvres-N.xml  the work sitemaps as fetched (run.sh benchmarks the fullest one)
"""
import random
import re
import sys
import time
import urllib.parse
import urllib.request

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
rng = random.Random(20261124)
LOC = re.compile(r"<loc>([^<]+)</loc>")


ttfb = {}


def fetch(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        # urlopen returns once the status line and headers are in: the first byte.
        ttfb[url] = (time.perf_counter() - started) * 1000
        return response.read().decode("utf-8")


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


index = fetch(base + "/sitemap.xml")
works, categories = [], []
fullest = (0, None)
for loc in LOC.findall(index):
    path = path_of(loc)
    body = fetch(base + path)
    locs = [path_of(u) for u in LOC.findall(body) if "/oeuvres/" in u or "categorie=" in u]
    match = re.search(r"/sitemaps/oeuvres-(\d+)\.xml$", path)
    if match:
        # Image locs are /media/... and were filtered out above.
        pages = [p for p in locs if p.startswith("/oeuvres/")]
        works += pages
        with open(f"{out}/sitemap-oeuvres-{match.group(1)}.xml", "w", encoding="utf-8") as f:
            f.write(body)
        if len(pages) > fullest[0]:
            fullest = (len(pages), match.group(1))
    elif path.endswith("/pages.xml"):
        categories = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["categorie"][0] for p in locs if "categorie=" in p]

if not works:
    sys.exit("urls.py: the sitemap lists no work")
rng.shuffle(works)
warmup, first, works = works[:6000], works[6000:36000], works[36000:] or works
with open(f"{out}/works-first.txt", "w") as f:
    f.write("\n".join(first or warmup) + "\n")
index_ms = ttfb[base + "/sitemap.xml"]
with open(f"{out}/sitemap-ttfb.txt", "w") as f:
    f.write(f"{index_ms:.0f} {max(v for k, v in ttfb.items() if k != base + '/sitemap.xml'):.0f}\n")
with open(f"{out}/warmup.txt", "w") as f:
    f.write("\n".join(warmup) + "\n")
with open(f"{out}/works.txt", "w") as f:
    f.write("\n".join(works) + "\n")
with open(f"{out}/fullest-block.txt", "w") as f:
    f.write(f"{fullest[1]} {fullest[0]}\n")

# Search words: the words of real titles (from the slugs), without the little ones.
stop = {"avec", "dans", "pour", "sous", "sur", "les", "des", "aux", "une", "est"}
words = sorted({w for p in works for w in p.rsplit("/", 1)[-1].split("-") if len(w) >= 4 and w not in stop and not w.isdigit()})
# Words many works share, as visitors type them (issue 17): materials, subjects, places. A pair of
# them matches thousands of works at 1,000,000 (the costly searches); a title word alone, few.
COMMON = {
    "materials": ["acrylique", "huile", "toile", "bois", "bronze", "perles", "papier", "terre cuite", "coton", "encre"],
    "subjects": ["marché", "portrait", "masque", "pêcheurs", "village", "femme", "éléphant", "danseuses", "pirogues", "visages"],
    "places": ["douala", "yaoundé", "kribi", "foumban", "sanaga", "wouri", "bamoun", "bamiléké", "limbé", "akwa"],
}
def common_pair():
    first, second = rng.sample(sorted(COMMON), 2) if rng.random() < 0.7 else [rng.choice(sorted(COMMON))] * 2
    a = rng.choice(COMMON[first])
    b = rng.choice([w for w in COMMON[second] if w != a])
    return f"{a} {b}"
prices = [10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000]
searches = set()
while len(searches) < 60_000:
    q = []
    if rng.random() < 0.8:
        if rng.random() < 0.25:
            q.append(("q", common_pair()))
        else:
            q.append(("q", " ".join(rng.sample(words, 1 if rng.random() < 0.6 else 2))))
    if rng.random() < 0.4 and categories:
        q.append(("categorie", rng.choice(categories)))
    if rng.random() < 0.3:
        low, high = sorted(rng.sample(prices, 2))
        q += [("prixMin", str(low)), ("prixMax", str(high))]
    if rng.random() < 0.15:
        q.append(("taille", rng.choice("SML")))
    if rng.random() < 0.15:
        q.append(("orientation", rng.choice(["portrait", "paysage", "carre"])))
    if rng.random() < 0.25:
        q.append(("disponible", "1"))
    if rng.random() < 0.2:
        q.append(("tri", rng.choice(["prix-asc", "prix-desc"])))
    if q:
        searches.add("/oeuvres?" + urllib.parse.urlencode(q))
searches = sorted(searches)
rng.shuffle(searches)
# Two halves: one per run (64 and 16 connections), so the second run is as cold as the first.
with open(f"{out}/searches.txt", "w") as f:
    f.write("\n".join(searches[:25_000]) + "\n")
with open(f"{out}/searches-b.txt", "w") as f:
    f.write("\n".join(searches[25_000:50_000]) + "\n")
with open(f"{out}/searches-warmup.txt", "w") as f:
    f.write("\n".join(searches[50_000:55_000]) + "\n")
with open(f"{out}/searches-first.txt", "w") as f:
    f.write("\n".join(searches[55_000:]) + "\n")
print(f"urls.py: {len(works)} work pages, {len(searches)} searches, {len(words)} title words, "
      f"{len(categories)} categories; fullest work sitemap: block {fullest[1]} ({fullest[0]} works)", file=sys.stderr)
