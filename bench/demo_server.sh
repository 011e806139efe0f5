# Sourced by the bench scripts: starts the release server on a fresh --demo
# database at $port, stops it and removes everything on exit, and signs the
# demo walker in (cookie jar $work/jar, $cookie). Sets $work, $base, $db, $server.
#   port=18091; source bench/demo_server.sh
work=$(mktemp -d); base="http://127.0.0.1:$port"; db="sqlite://$work/bench.db"
target/release/retrowalk --db "$db" serve --listen 127.0.0.1:$port --demo --insecure-cookies \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "$base/signin" && break; sleep 0.1; done
csrf=$(curl -s -c "$work/jar" "$base/signin" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null -H "Origin: $base" --data-urlencode "csrf=$csrf" \
  --data-urlencode "email=demo@retrowalk.local" --data-urlencode "password=walk backwards daily" "$base/signin"
cookie="rw_session=$(awk '$6 == "rw_session" {print $7}' "$work/jar")"

# wrk on a URL at each of $conns; prints a table row per count, fails on non-2xx.
#   load LABEL URL [wrk header args...]
load() {
  local label=$1 url=$2; shift 2
  local bytes out rps p50 p99 c
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$@" "$url")
  for c in "${conns[@]}"; do
    out=$(wrk -t2 -c"$c" -d8s --latency "$@" "$url")
    if grep -q "Non-2xx" <<< "$out"; then echo "$label: non-2xx answers" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out"); p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    echo "| $label | $bytes | $c | $rps | $p50 | $p99 |"
  done
}
