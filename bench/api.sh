#!/usr/bin/env bash
# Every GET of the JSON API under load, beside bench/pages.sh: a fresh --demo
# database, an API token for the demo walker, wrk on each route.
#   bash bench/api.sh [CONNECTIONS...]      (needs a release build and wrk; default 50 200)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=("${@:-50 200}"); read -r -a conns <<< "${conns[*]}"
work=$(mktemp -d); port=18092; base="http://127.0.0.1:$port"
db="sqlite://$work/api.db"
target/release/retrowalk --db "$db" serve --listen 127.0.0.1:$port --demo > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.1; done
token=$(target/release/retrowalk --db "$db" token create --email demo@retrowalk.local --name bench)
echo "server RSS after start: $(ps -o rss= -p $server) KB"
printf '| route | bytes | conns | req/s | p50 | p99 |\n|---|---:|---:|---:|---:|---:|\n'
for route in me today plan sessions progress outcomes activities questionnaires evidence; do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $token" "$base/api/v1/$route")
  for c in "${conns[@]}"; do
    out=$(wrk -t2 -c"$c" -d8s --latency -H "Authorization: Bearer $token" "$base/api/v1/$route")
    if grep -q "Non-2xx" <<< "$out"; then echo "$route: non-2xx answers" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out"); p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    echo "| /api/v1/$route | $bytes | $c | $rps | $p50 | $p99 |"
  done
done
echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
