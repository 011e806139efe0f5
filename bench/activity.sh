#!/usr/bin/env bash
# Times retrowalk's readers and the common Python readers on the same files
# (../shared/data/activity), in one run, and prints a table per format.
#
#   bash bench/activity.sh [REPEATS]
#
# The Python readers are installed from PyPI into target/bench-venv (once).
# Numbers are best-of-REPEATS wall times, file reading included for both.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}
data=../shared/data/activity
peers=../shared/bench/peers_activity.py
[ -d "$data" ] || { echo "missing $data" >&2; exit 1; }
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r ../shared/bench/requirements.txt
out=$(mktemp -d)
cargo run --release --locked -q -p formats --example parse_all -- "$data" $((repeats * 10)) > "$out/ours.json"
"$venv/bin/python" "$peers" --repeat "$repeats" --json "$out/peers.json" > /dev/null
"$venv/bin/python" - "$out/ours.json" "$out/peers.json" <<'PY'
import json, sys
ours = {r["format"]: r for r in json.load(open(sys.argv[1]))}
peers = json.load(open(sys.argv[2]))["formats"]
for fmt, rep in peers.items():
    o = ours[fmt]
    mb = rep["bytes"] / 1e6
    print(f"\n{fmt.upper()}: {rep['files']} files, {mb:.2f} MB")
    print("| reader | parsed | rejected | seconds | MB/s | files/s | retrowalk is x faster |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(f"| retrowalk | {o['parsed']} | {o['rejected']} | {o['seconds_best']:.4f} | {o['mb_per_s']:.1f} | {o['files_per_s']:.0f} | |")
    accepted_by_any = set()
    for name, p in sorted(rep["peers"].items(), key=lambda kv: kv[1]["seconds_best_of_repeats"]):
        s = p["seconds_best_of_repeats"]
        accepted_by_any |= {f for f, v in p["per_file"].items() if isinstance(v, int)}
        print(f"| {name} | {p['parsed']} | {p['rejected']} | {s:.4f} | {mb / s:.2f} | {rep['files'] / s:.1f} | {s / o['seconds_best']:.0f} |")
    print(f"files any peer accepts: {len(accepted_by_any)}; retrowalk accepts {o['parsed']} of {o['files']}")
PY
rm -rf "$out"
