#!/usr/bin/env bash
# The heaviest walker: a 52-week programme started 363 days ago with three
# sessions logged every week. Prints each main page's size, then wrk at 200
# connections on Progress and Plan, and the server's RSS.
#   bash bench/year_pages.sh      (needs a release build and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); port=18093; base="http://127.0.0.1:$port"
target/release/retrowalk --db "sqlite://$work/year.db" serve --listen 127.0.0.1:$port --insecure-cookies \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "$base/signin" && break; sleep 0.1; done
python3 bench/walkers.py "$base" 1 "$work/walkers.txt" "$work/dates.txt"
read -r cookie csrf < "$work/walkers.txt"
n=0
while read -r d; do
  if [ $((n % 7)) -lt 3 ]; then
    curl -s -o /dev/null -H "Cookie: $cookie" -H "Origin: $base" \
      --data "csrf=$csrf&date=$d&pain_before=$((n % 4 + 1))&pain_peak=3&pain_after=$((n % 3 + 1))&minutes=10&speed=2.5" "$base/log"
  fi
  n=$((n + 1))
done < "$work/dates.txt"
for p in today plan progress outcomes report; do
  curl -s -o /dev/null -w "/$p: %{size_download} bytes\n" -H "Cookie: $cookie" "$base/$p"
done
for p in progress plan; do
  echo "/$p at 200 connections:"
  wrk -t2 -c200 -d8s --latency -H "Cookie: $cookie" "$base/$p" | grep -E "Non-2xx|50%|99%|Requests/sec"
done
echo "server RSS: $(ps -o rss= -p $server) KB"
