#!/usr/bin/env bash
# The main pages under load: a fresh --demo database, the demo walker signed
# in, then wrk on each page at each connection count; the server's RSS at the end.
#   bash bench/pages.sh [CONNECTIONS...]      (needs a release build and wrk; default 50 200)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=("${@:-50 200}"); read -r -a conns <<< "${conns[*]}"
work=$(mktemp -d); port=18091; base="http://127.0.0.1:$port"
target/release/retrowalk --db "sqlite://$work/pages.db" serve --listen 127.0.0.1:$port --demo --insecure-cookies \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "$base/signin" && break; sleep 0.1; done
csrf=$(curl -s -c "$work/jar" "$base/signin" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null -H "Origin: $base" --data-urlencode "csrf=$csrf" \
  --data-urlencode "email=demo@retrowalk.local" --data-urlencode "password=walk backwards daily" "$base/signin"
cookie="rw_session=$(awk '$6 == "rw_session" {print $7}' "$work/jar")"
echo "server RSS after start: $(ps -o rss= -p $server) KB"
printf '| page | bytes | conns | req/s | p50 | p99 |\n|---|---:|---:|---:|---:|---:|\n'
for page in today plan progress log outcomes learn; do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" "$base/$page")
  for c in "${conns[@]}"; do
    out=$(wrk -t2 -c"$c" -d8s --latency -H "Cookie: $cookie" "$base/$page")
    if grep -q "Non-2xx" <<< "$out"; then echo "$page: non-2xx answers" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out"); p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    echo "| /$page | $bytes | $c | $rps | $p50 | $p99 |"
  done
done
echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
