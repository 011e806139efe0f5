#!/usr/bin/env bash
# The main pages under load: a fresh --demo database, the demo walker signed
# in, then wrk on each page at each connection count; the server's RSS at the end.
#   bash bench/pages.sh [CONNECTIONS...]      (needs a release build and wrk; default 50 200)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=("${@:-50 200}"); read -r -a conns <<< "${conns[*]}"
port=18091
source bench/demo_server.sh
echo "server RSS after start: $(ps -o rss= -p $server) KB"
printf '| page | bytes | conns | req/s | p50 | p99 |\n|---|---:|---:|---:|---:|---:|\n'
for page in today plan progress log outcomes learn; do
  load "/$page" "$base/$page" -H "Cookie: $cookie"
done
echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
