#!/usr/bin/env bash
# Step counting on the shared IPOL recordings (issue #15), side by side with
# the peers of shared/bench/peers_imu.py (scipy band-pass peaks and the
# mobgap detectors) in the same run: accuracy (MAPE against the footstep
# reference) and speed (detection over the whole set, loading excluded,
# best of 3), plus our reader's MB/s.
#   bash bench/gait_steps.sh   (needs a virtualenv with shared/bench/requirements.txt: PEERS_PY=/path/to/python)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/imu/ipol_gait
cargo build -q --release --locked -p gait --example ipol_steps
echo "== retrowalk gait (Rust)"
target/release/examples/ipol_steps "$data" | tail -3
py=${PEERS_PY:-python3}
if "$py" -c "import scipy, mobgap" 2>/dev/null; then
  echo "== peers (shared/bench/peers_imu.py), same files"
  "$py" ../shared/bench/peers_imu.py --sets shared-ipol --repeat 3
else
  echo "== peers skipped: $py has no scipy and mobgap (set PEERS_PY to a virtualenv's python)"
fi
