# bench/run.sh with BENCH_SCALEOUT=1 (sourced by run.sh; not run alone). Issue 16's topology on
# loopback, as PosaX.Tests/ScaleOut starts it: Debian's redis-server, npm's s3rver (scripts/s3rver),
# two app instances (Production, Redis__Configuration, Storage__Provider=S3) and nginx with
# deploy/nginx.conf (its upstream and listen lines pointed at loopback). Measures:
#   1. the cached catalogue page through nginx and the shared (Redis) cache, two instances;
#   2. static: the same bytes as a file served by that nginx itself, and the app's own stylesheet
#      (a static asset of about the same size) through nginx and Kestrel;
#   3. the cost of the shared cache: the same page from one instance directly, with Redis, then
#      after a restart of that instance without Redis (the in-process output cache).
# Two parts of run.sh call in here: scaleout_services (before seeding: the pictures go to the
# bucket) and scaleout_measure (after seeding; prints the table and exits).

scaleout_pids=()
scaleout_stop() {
  for pid in "${scaleout_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # port name
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  say "$2 did not listen on $1"; exit 2
}

scaleout_services() {
  command -v redis-server >/dev/null || { say "redis-server is required (apt-get install redis-server)"; exit 2; }
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || { say "nginx is required (apt-get install nginx)"; exit 2; }
  command -v node >/dev/null || { say "node is required (s3rver)"; exit 2; }
  local s3rver="$root/scripts/s3rver/node_modules/s3rver/bin/s3rver.js"
  if [[ ! -f $s3rver ]]; then
    say "installing s3rver into scripts/s3rver…"
    (cd "$root/scripts/s3rver" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --protected-mode no --dir "$work" \
    >"$work/redis.log" 2>&1 &
  scaleout_pids+=($!)
  s3_port=$(free_port)
  mkdir -p "$work/s3"
  node "$s3rver" -d "$work/s3" -a 127.0.0.1 -p "$s3_port" --silent --allow-mismatched-signatures --no-vhost-buckets \
    --configure-bucket posax-media >"$work/s3rver.log" 2>&1 &
  scaleout_pids+=($!)
  wait_port "$redis_port" redis-server
  wait_port "$s3_port" s3rver
  say "redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) on $redis_port, s3rver on $s3_port"
  export Redis__Configuration="127.0.0.1:$redis_port"
  export Storage__Provider=S3 Storage__S3__ServiceUrl="http://127.0.0.1:$s3_port" Storage__S3__Bucket=posax-media \
    Storage__S3__Region=us-east-1 Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER
  export ReverseProxy__KnownProxies__0=127.0.0.1
}

start_instance() { # name port [VAR=value…]: sets instance_pid
  local name=$1 port=$2
  shift 2
  mkdir -p "$work/$name"
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__Root="$work/$name/media" \
    Email__PickupDirectory="$work/$name/mail" "$@" dotnet PosaX.Web.dll) >"$work/$name.log" 2>&1 &
  instance_pid=$!
  scaleout_pids+=("$instance_pid")
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    kill -0 "$instance_pid" 2>/dev/null || { say "instance $name stopped:"; tail -n 40 "$work/$name.log" >&2; exit 2; }
    sleep 0.5
  done
  say "instance $name never became ready"; tail -n 40 "$work/$name.log" >&2; exit 2
}

scaleout_measure() {
  local port_a port_b nginx_port
  port_a=$(free_port); port_b=$(free_port); nginx_port=$(free_port)
  say "two instances (Redis, S3) on $port_a and $port_b…"
  local pid_a
  start_instance a "$port_a"; pid_a=$instance_pid
  start_instance b "$port_b"

  # nginx: deploy/nginx.conf with loopback upstreams and port, a pid file and temp folders of its own,
  # and one location more for the static twin (served by nginx itself).
  mkdir -p "$work/nginx/static"
  python3 - "$root/deploy/nginx.conf" "$work/nginx" "$nginx_port" "$port_a" "$port_b" "$(id -u)" >"$work/nginx/nginx.conf" <<'EOF'
import re, sys
conf, prefix, port, a, b, uid = sys.argv[1:]
text = open(conf).read()
text = text.replace("server web-1:8080", f"server 127.0.0.1:{a}").replace("server web-2:8080", f"server 127.0.0.1:{b}")
text = text.replace("listen 80;", f"listen 127.0.0.1:{port};\n    location /bench-static/ {{ alias {prefix}/static/; }}")
head = (("user root;\n" if uid == "0" else "") + f"pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n")
temps = "".join(f"  {t}_temp_path {prefix}/{t};\n" for t in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
text = text.replace("http {\n", "http {\n" + temps, 1)
print(head + text)
EOF
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g "daemon off;" >"$work/nginx.log" 2>&1 &
  scaleout_pids+=($!)
  wait_port "$nginx_port" nginx
  local lb="http://127.0.0.1:$nginx_port"
  say "nginx $("$nginx_bin" -v 2>&1 | grep -o '[0-9.]*$') on $nginx_port ($(grep -c '^processor' /proc/cpuinfo) workers: worker_processes auto)"

  curl -fsS -o "$work/nginx/static/catalogue.html" "$lb/oeuvres"
  local css
  css=$(curl -fsS "$lb/oeuvres" | grep -o 'href="/css/site[^"]*\.css"' | head -n1 | cut -d'"' -f2)
  [[ -n $css ]] || css=/css/site.css

  sw() { # url connections: the BENCH json line
    wrk -t$threads -c"$2" -d"${duration}s" --latency -s bench/wrk.lua "$1" -- plain | sed -n 's/^BENCH //p'
  }
  warm_s() { wrk -t$threads -c16 -d"$2" -s bench/wrk.lua "$1" -- plain >/dev/null; }

  say "warming up (≈ 40 s)…"
  for _ in 1 2; do
    warm_s "$lb/oeuvres" 8s; warm_s "http://127.0.0.1:$port_a/oeuvres" 6s; warm_s "$lb$css" 3s; warm_s "$lb/bench-static/catalogue.html" 3s
  done

  local results="$work/scaleout.jsonl"
  : >"$results"
  row() { # name url
    say "$1 @ $connections connections"
    python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "url": sys.argv[2], "r": json.loads(sys.argv[3])}))' \
      "$1" "$2" "$(sw "$2" "$connections")" >>"$results"
  }
  row "catalogue page 1, cached: nginx → 2 instances, shared cache (Redis)" "$lb/oeuvres"
  row "static: the same bytes, a file served by nginx itself" "$lb/bench-static/catalogue.html"
  row "static: the app's stylesheet ($(curl -fsS "$lb$css" | wc -c) bytes) through nginx and Kestrel" "$lb$css"
  row "ceiling of any proxied answer: /health/live (a few bytes) through nginx → 2 instances" "$lb/health/live"
  row "catalogue page 1, cached, again: nginx → 2 instances, Redis" "$lb/oeuvres"
  row "catalogue page 1, cached: instance A alone, shared cache (Redis)" "http://127.0.0.1:$port_a/oeuvres"

  say "restarting instance A without Redis (in-process output cache)…"
  kill "$pid_a"; while kill -0 "$pid_a" 2>/dev/null; do sleep 0.2; done
  start_instance a "$port_a" Redis__Configuration= PageSnapshots__Enabled=false
  for _ in 1 2; do warm_s "http://127.0.0.1:$port_a/oeuvres" 8s; done
  row "catalogue page 1, cached: instance A alone, in-process cache" "http://127.0.0.1:$port_a/oeuvres"
  row "catalogue page 1, cached: instance A alone, in-process cache, again" "http://127.0.0.1:$port_a/oeuvres"
  say "restarting instance A with Redis again…"
  kill "$instance_pid"; while kill -0 "$instance_pid" 2>/dev/null; do sleep 0.2; done
  start_instance a "$port_a"
  for _ in 1 2; do warm_s "http://127.0.0.1:$port_a/oeuvres" 8s; done
  row "catalogue page 1, cached: instance A alone, shared cache (Redis), again" "http://127.0.0.1:$port_a/oeuvres"

  local errors=""
  for log in "$work"/a.log "$work"/b.log; do
    if grep -qE '^(fail|crit)' "$log"; then errors+=" $(basename "$log")"; grep -A5 -E '^(fail|crit)' "$log" | head -20 >&2; fi
  done
  python3 - "$results" "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
    "$load_start → $(cut -d' ' -f1-3 /proc/loadavg)" "$artists" "$artworks" "$duration" "$connections" "${errors:-none}" <<'EOF' | tee ${BENCH_OUT:+"$BENCH_OUT"}
import json, statistics, sys
path, machine, load, artists, artworks, duration, connections, errors = sys.argv[1:]
rows = [json.loads(line) for line in open(path)]
by = {r["name"]: r["r"] for r in rows}
print(f"Machine: {machine}; load average (1, 5, 15 min) {load}")
print(f"{int(artists):,} artists, {int(artworks):,} works; wrk, 2 threads, {duration} s a run, {connections} connections; errors logged by the app: {errors}\n")
print("| run | req/s | p50 ms | p99 ms | errors |")
print("| --- | ---: | ---: | ---: | ---: |")
for r in rows:
    x = r["r"]; e = x["connect"] + x["read"] + x["write"] + x["status"] + x["timeout"]
    print(f"| {r['name']} | {x['rps']:,.0f} | {x['p50_ms']:.1f} | {x['p99_ms']:.1f} | {e} |")
def rps(prefix): return [r["r"]["rps"] for r in rows if r["name"].startswith(prefix)]
lb = statistics.mean(rps("catalogue page 1, cached: nginx") + rps("catalogue page 1, cached, again: nginx"))
nginx_static = rps("static: the same bytes")[0]
kestrel_static = rps("static: the app's stylesheet")[0]
shared = statistics.mean(rps("catalogue page 1, cached: instance A alone, shared"))
local = statistics.mean(rps("catalogue page 1, cached: instance A alone, in-process"))
ratio = lb / nginx_static
print()
print("| target / figure | met | measured |")
print("| --- | --- | --- |")
print(f"| cached catalogue through nginx and Redis ≥ 0.5× static (a file served by the same nginx) | {'yes' if ratio >= 0.5 else 'no'} | {lb:,.0f} / {nginx_static:,.0f} req/s = {ratio:.2f}× |")
print(f"| the same, against a static asset of the app through nginx and Kestrel | — | {lb / kestrel_static:.2f}× |")
ceiling = rps("ceiling of any proxied answer")[0]
print(f"| the same, against the proxy's ceiling (/health/live through nginx) | — | {lb / ceiling:.2f}× ({ceiling:,.0f} req/s) |")
print(f"| cost of the shared cache: one instance, Redis against in process | — | {shared:,.0f} against {local:,.0f} req/s ({shared / local:.2f}×) |")
sys.exit(0 if ratio >= 0.5 else 1)
EOF
}
