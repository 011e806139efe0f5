#!/usr/bin/env bash
# Clinic mode at scale on PostgreSQL (issue #13): 10,000 walkers with a year
# of sessions each (bench/clinic_scale.sql), 300 clinicians; then wrk with 50
# connections, each request as one of the clinicians (a token each), on the
# patient list and on the walker page (a walker in that clinician's care);
# then the same loads on a build that writes no access-log rows (feature
# bench-unlogged, built here into target/bench-unlogged), so the difference
# is what the audit trail costs; server memory; and the query plans of the
# two slowest queries.
#   bash bench/clinic_scale.sh   (needs a release build, wrk, psql, PostgreSQL on 127.0.0.1)
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${PG:-postgres://postgres@127.0.0.1:5432/postgres}
name=retrowalk_scale_$$
psql -q "$admin" -c "CREATE DATABASE $name"
db="postgres://postgres@127.0.0.1:5432/$name"
work=$(mktemp -d); port=18093; base="http://127.0.0.1:$port"
cleanup() { kill "${server:-0}" "${beside:-0}" 2>/dev/null || true; sleep 0.5; psql -q "$admin" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true; rm -rf "$work"; }
trap cleanup EXIT
today=$(date -u +%F)

cargo build -q --release --locked -p retrowalk --features bench-unlogged --target-dir target/bench-unlogged
# serve BINARY [PORT]: starts a server on the database ($server is its pid).
serve() {
  local p=${2:-$port}
  RETROWALK_BENCH_UNLOGGED=1 "$1" --db "$db" serve --listen 127.0.0.1:$p --demo >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
}
serve target/release/retrowalk
echo "== generating (psql)"
start=$(date +%s)
psql -q "$db" -v today="$today" -f bench/clinic_scale.sql
echo "generated in $(( $(date +%s) - start )) s; database $(psql -tA "$db" -c "SELECT pg_size_pretty(pg_database_size('$name'))")"

# The lua script: each request as a clinician at random (the first, with 500
# walkers, as often as any other), the path given per run.
psql -tA -F' ' "$db" -c "SELECT substr(a.email, 5, strpos(a.email, '@') - 5), min(r.walker_id)
  FROM accounts a JOIN care_team t ON t.account_id = a.id AND t.removed_at IS NULL
  JOIN care_relationships r ON r.id = t.relationship_id WHERE a.email LIKE '%@scale.example' GROUP BY a.email" > "$work/who.txt"
{
  echo 'local who = {'
  awk '{printf "{%s,%s},", $1, $2}' "$work/who.txt"
  echo '}'
  cat <<'LUA'
local mode = os.getenv("MODE") or "list"
local think = tonumber(os.getenv("THINK_MS") or "0")
-- A clinician reads what came back before clicking again: wrk waits this
-- long on each connection between an answer and the next request.
if think > 0 then delay = function() return think end end
request = function()
  local w = who[math.random(#who)]
  local path = "/api/v1/patients"
  if mode == "page" then path = "/api/v1/patients/" .. w[2] end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer bench-" .. w[1] })
end
LUA
} > "$work/scale.lua"

run() {
  local label=$1 mode=$2 think=${3:-0} out
  MODE=$mode THINK_MS=$think wrk -t2 -c50 -d3s -s "$work/scale.lua" "$base" > /dev/null
  out=$(MODE=$mode THINK_MS=$think wrk -t2 -c50 -d${SECONDS_PER_RUN:-10}s --latency -s "$work/scale.lua" "$base")
  if grep -q "Non-2xx" <<< "$out"; then echo "$label: non-2xx answers" >&2; echo "$out" >&2; exit 1; fi
  table_row "$label" 50 <<< "$out"
}
# table_row LABEL CONNS: a table row of what wrk wrote (on stdin).
table_row() {
  awk -v label="$1" -v conns="$2" '/Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    END { printf "| %s | %s | %s | %s | %s |\n", label, conns, rps, p50, p99 }'
}
# The rows cache per walker version and day: the first list of each
# clinician loads every walker (cold); the server then answers from memory
# until a walker's data changes.
cold() {  # [BASE]
  local at=${1:-$base}
  # The generator (or the run before) leaves dirty pages: a checkpoint now,
  # so neither build's runs share the disk with one.
  psql -q "$db" -c CHECKPOINT
  echo "== cold: every clinician's list once, one after another"
  local start; start=$(date +%s%N)
  for n in $(cut -d' ' -f1 "$work/who.txt"); do
    curl -sf -o /dev/null -H "Authorization: Bearer bench-$n" "$at/api/v1/patients?limit=500" || { echo "list $n failed" >&2; exit 1; }
  done
  echo "300 lists (10,468 rows) cold in $(( ($(date +%s%N) - start) / 1000000 )) ms"
}
cold
loads() {
  printf '| request | conns | req/s | p50 | p99 |\n|---|---:|---:|---:|---:|\n'
  # Back to back: each of the 50 asks again the moment an answer arrives (the
  # most the machine serves); then with 250 ms to read each answer, still far
  # busier than 50 people at work (about 200 requests a second).
  run "patient list (GET /api/v1/patients), back to back" list
  run "walker page (GET /api/v1/patients/{id}), back to back" page
  run "patient list, 250 ms to read each answer" list 250
  run "walker page, 250 ms to read each answer" page 250
}
# The two builds take turns (TURNS times, default ROUNDS or 2) on the same data, each
# after a restart and a cold pass, so drift on this machine (caches, the
# disk, the other build's leftovers) falls on both alike; medians compared.
reads="SELECT count(*) FROM security_events WHERE kind = 'clinician_read'"
: > "$work/logged.md"; : > "$work/unlogged.md"
# TURNS=0 skips the turns (to run the side-by-side runs alone).
for round in $(seq "${TURNS:-${ROUNDS:-2}}"); do
  if [ "$round" -gt 1 ]; then kill "$server"; wait "$server" 2>/dev/null || true; serve target/release/retrowalk; cold; fi
  echo "== round $round: load, 50 connections, a clinician at random per request, access log written"
  loads | tee -a "$work/logged.md"
  echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
  echo "access-log entries: $(psql -tA "$db" -c 'SELECT count(*) FROM security_events')"
  echo "== round $round: the same loads on the build without access-log writes (the reads alone)"
  kill "$server"; wait "$server" 2>/dev/null || true
  serve target/bench-unlogged/release/retrowalk
  before=$(psql -tA "$db" -c "$reads")
  cold
  loads | tee -a "$work/unlogged.md"
  echo "server RSS after the runs: $(ps -o rss= -p $server) KB"
  [ "$(psql -tA "$db" -c "$reads")" = "$before" ] || { echo "the unlogged build logged reads" >&2; exit 1; }
done
# compare LOGGED.md ALONE.md: the medians of each request's runs, side by side.
compare() {
python3 - "$1" "$2" <<'PY'
import statistics, sys
def ms(t):  # wrk writes 812.00us, 12.34ms or 1.02s
    for unit, scale in (('us', 0.001), ('ms', 1.0), ('s', 1000.0)):
        if t.endswith(unit):
            return float(t[:-len(unit)]) * scale
    raise ValueError(t)
def rows(path):
    """Each request's runs: label -> lists of req/s, p50 and p99 (ms)."""
    out = {}
    for line in open(path).read().splitlines():
        cells = [c.strip() for c in line.strip('|').split('|')]
        if len(cells) < 5 or not cells[2][:1].isdigit():
            continue
        r = out.setdefault(cells[0], ([], [], []))
        r[0].append(float(cells[2])); r[1].append(ms(cells[3])); r[2].append(ms(cells[4]))
    return out
logged, alone = rows(sys.argv[1]), rows(sys.argv[2])
print('| request | req/s logged vs alone | p50 logged vs alone | p99 logged vs alone | p50, run by run |')
print('|---|---:|---:|---:|---:|')
for label, a in logged.items():
    b = alone[label]
    m = [(statistics.median(x), statistics.median(y)) for x, y in zip(a, b)]
    cell = lambda i, unit: f'{m[i][0]:.1f} vs {m[i][1]:.1f}{unit} ({(m[i][0] / m[i][1] - 1) * 100:+.0f} %)'
    # Each run's own difference in p50 (the runs of the two builds paired
    # in order), to show how far one run is from the next.
    runs = sorted((x / y - 1) * 100 for x, y in zip(a[1], b[1]))
    spread = f'{runs[0]:+.0f} … {runs[-1]:+.0f} %' if runs else ''
    print(f'| {label} | {cell(0, "")} | {cell(1, " ms")} | {cell(2, " ms")} | {spread} |')
PY
}
if [ -s "$work/logged.md" ]; then
  echo "== what the audit trail adds (logged against reads alone, the builds taking turns)"
  compare "$work/logged.md" "$work/unlogged.md"
fi

# At light load a request takes 2-3 ms, and this machine drifts by more
# than a tenth of that between one turn and the next, whichever build runs.
# So both builds now serve at once, on two ports, from the same data, each
# under the same light load (25 clinicians each, 250 ms to read an answer,
# together the 50 of the runs above): whatever the machine does, it does to
# both at the same moment.
echo "== side by side: both builds at once, light load"
kill "$server"; wait "$server" 2>/dev/null || true
port2=$((port + 1)); base2="http://127.0.0.1:$port2"
serve target/bench-unlogged/release/retrowalk "$port2"; beside=$server
serve target/release/retrowalk
cold "$base"; cold "$base2"
side() {  # label mode: one run on each build at once
  local label=$1 mode=$2
  # (`wait` for the one wrk: a bare `wait` would wait for the servers too.)
  MODE=$mode THINK_MS=250 wrk -t1 -c25 -d3s -s "$work/scale.lua" "$base" > /dev/null & local first=$!
  MODE=$mode THINK_MS=250 wrk -t1 -c25 -d3s -s "$work/scale.lua" "$base2" > /dev/null; wait "$first"
  MODE=$mode THINK_MS=250 wrk -t1 -c25 -d${SECONDS_PER_RUN:-10}s --latency -s "$work/scale.lua" "$base" > "$work/a.out" & first=$!
  MODE=$mode THINK_MS=250 wrk -t1 -c25 -d${SECONDS_PER_RUN:-10}s --latency -s "$work/scale.lua" "$base2" > "$work/b.out"; wait "$first"
  for f in a b; do
    if grep -q "Non-2xx" "$work/$f.out"; then echo "$label: non-2xx answers" >&2; cat "$work/$f.out" >&2; exit 1; fi
  done
  table_row "$label" 25 < "$work/a.out" >> "$work/side_logged.md"
  table_row "$label" 25 < "$work/b.out" >> "$work/side_alone.md"
}
: > "$work/side_logged.md"; : > "$work/side_alone.md"
for round in $(seq "${ROUNDS:-2}"); do
  side "patient list, 250 ms to read each answer" list
  side "walker page, 250 ms to read each answer" page
done
echo "server RSS after the runs: logged $(ps -o rss= -p $server) KB, alone $(ps -o rss= -p $beside) KB"
if [ -s "$work/side_logged.md" ]; then compare "$work/side_logged.md" "$work/side_alone.md"; fi
# Paired: the same request to each build in turn, one at a time (the
# lightest load), PAIRED_SECONDS long; the median of the pairs' ratios with
# its 95 % interval says whether the audit trail adds under 10 %.
echo "== paired: one request at a time, the same request to each build in turn"
python3 bench/paired_latency.py "$base" "$base2" "$work/who.txt" "${PAIRED_SECONDS:-120}"
# The control: the logged build against itself on the second port, the same
# way. Two copies of one build are not exactly alike here (one was started
# first, the ports differ); what this shows is the lean of the set-up itself,
# to read the figure above against (once measured: +1.5 % list, +3.5 % page).
echo "== paired control: the logged build against a second copy of itself"
kill "$beside"; wait "$beside" 2>/dev/null || true
first=$server
serve target/release/retrowalk "$port2"; beside=$server; server=$first
cold "$base2"
python3 bench/paired_latency.py "$base" "$base2" "$work/who.txt" "$(( ${PAIRED_SECONDS:-120} / 2 ))"
# The database's share: a list writes one access-log entry naming the
# walkers shown (the group commit puts many requests' entries in one
# transaction); the entry for a list of 34, timed in PostgreSQL 200 times.
audit_ms=$(psql -tA "$db" -c "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN
  FOR i IN 1..200 LOOP
    DELETE FROM security_events WHERE at_ms < 0;
    INSERT INTO security_events (at_ms, kind, account_id, walker_ids, client, detail)
      SELECT 1795000000000, 'clinician_read', 4, string_agg(g::text, ','), '127.0.0.1', 'patient list' FROM generate_series(1, 34) g;
  END LOOP;
  RAISE NOTICE '%', extract(epoch FROM clock_timestamp() - t0) * 1000 / 200; END \$\$" 2>&1 | grep -o '[0-9.]*$')
echo "the access-log entry for one list of 34 (in the database): ${audit_ms} ms"


echo "== the two slowest statements (pg_stat_statements if loaded, else EXPLAIN of the list's per-walker reads)"
clin1=$(psql -tA "$db" -c "SELECT id FROM accounts WHERE email = 'clin1@scale.example'")
w1=$(psql -tA "$db" -c "SELECT min(walker_id) FROM care_relationships r JOIN care_team t ON t.relationship_id = r.id WHERE t.account_id = $clin1")
p1=$(psql -tA "$db" -c "SELECT id FROM programmes WHERE walker_id = $w1")
psql "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM session_logs WHERE programme_id = $p1 AND programme_id IN (SELECT id FROM programmes WHERE walker_id = $w1) ORDER BY session_date"
psql "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT DISTINCT r.walker_id FROM care_team t JOIN care_relationships r ON r.id = t.relationship_id AND r.ended_at IS NULL JOIN memberships m ON m.account_id = t.account_id AND m.clinic_id = r.clinic_id AND m.ended_at IS NULL AND m.role = 'clinician' WHERE t.account_id = $clin1 AND t.removed_at IS NULL ORDER BY r.walker_id"
psql "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT id, at_ms, kind, account_id, walker_id, walker_ids, client, detail FROM security_events WHERE walker_id = $w1
  UNION ALL SELECT e.id, e.at_ms, e.kind, e.account_id, e.walker_id, e.walker_ids, e.client, e.detail FROM security_events e WHERE e.walker_ids IS NOT NULL
  AND e.account_id IN (SELECT t.account_id FROM care_team t JOIN care_relationships r ON r.id = t.relationship_id WHERE r.walker_id = $w1)
  AND (',' || e.walker_ids || ',') LIKE '%,$w1,%' ORDER BY at_ms DESC, id DESC LIMIT 50"
