#!/usr/bin/env bash
# Every GET of the JSON API under load, beside bench/pages.sh: a fresh --demo
# database, an API token for the demo walker, wrk on each route.
#   [RUNS=3] bash bench/api.sh [CONNECTIONS...]  (needs a release build and wrk; default 50 200)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=("${@:-50 200}"); read -r -a conns <<< "${conns[*]}"
port=18092
source bench/demo_server.sh
token=$(target/release/retrowalk --db "$db" token create --email demo@retrowalk.local --name bench)
echo "server RSS after start: $(ps -o rss= -p $server) KB"
printf '| route | bytes | conns | req/s | p50 | p99 |\n|---|---:|---:|---:|---:|---:|\n'
# The floor on this machine: a route that does nothing, with the same layers.
load "/healthz (floor)" "$base/healthz"
for route in me today plan sessions progress outcomes activities questionnaires evidence; do
  load "/api/v1/$route" "$base/api/v1/$route" -H "Authorization: Bearer $token"
done
echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
