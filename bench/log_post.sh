#!/usr/bin/env bash
# POST /log on the insert path: a fresh database with N walkers (52-week
# programmes started 363 days ago), then wrk posting each (walker, date) once.
#   bash bench/log_post.sh CONNECTIONS [WALKERS]      (needs a release build and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-50}; n=${2:-150}
work=$(mktemp -d); port=18090
target/release/retrowalk --db "sqlite://$work/post.db" serve --listen 127.0.0.1:$port --insecure-cookies \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
sleep 1.5
python3 bench/walkers.py "http://127.0.0.1:$port" "$n" "$work/walkers.txt" "$work/dates.txt"
cp bench/log_post.lua "$work/"
(cd "$work" && sed -i "s/127.0.0.1:18080/127.0.0.1:$port/" log_post.lua &&
  wrk -t2 -c"$conns" -d10s --latency -s log_post.lua "http://127.0.0.1:$port/log" | grep -E "requests in|Non-2xx|50%|99%|Requests/sec")
echo "server RSS: $(ps -o rss= -p $server) KB"
