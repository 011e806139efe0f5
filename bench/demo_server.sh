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
# RUNS=n (default 1) measures n times and prints the run with the median p99:
# on a shared 2-core machine one run varies by a fifth.
#   load LABEL URL [wrk header args...]
load() {
  local label=$1 url=$2; shift 2
  local bytes out c i rows
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$@" "$url")
  # Two seconds unmeasured first: connections, caches and the allocator settle.
  wrk -t2 -c"${conns[0]}" -d2s "$@" "$url" > /dev/null
  for c in "${conns[@]}"; do
    rows=""
    for i in $(seq "${RUNS:-1}"); do
      out=$(wrk -t2 -c"$c" -d8s --latency "$@" "$url")
      if grep -q "Non-2xx" <<< "$out"; then echo "$label: non-2xx answers" >&2; exit 1; fi
      # p99 in microseconds first, for sorting; then the row.
      rows+=$(awk -v label="$label" -v bytes="$bytes" -v c="$c" '
        function us(t) { if (t ~ /us$/) return t + 0; if (t ~ /ms$/) return t * 1000; return t * 1000000 }
        /Requests\/sec/ { rps = int($2) } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
        END { printf "%d | %s | %s | %s | %d | %s | %s |\n", us(p99), label, bytes, c, rps, p50, p99 }' <<< "$out")$'\n'
    done
    sort -n <<< "${rows%$'\n'}" | sed -n "$(( (${RUNS:-1} + 1) / 2 ))p" | sed 's/^[0-9]* //'
  done
}
