#!/usr/bin/env bash
# Step counting on the shared IMU recordings (IPOL and Mobilise-D; issue #15), side by side with
# the peers of shared/bench/peers_imu.py (scipy band-pass peaks and the
# mobgap detectors) in the same run: accuracy (MAPE against the footstep
# reference) and speed (detection over the whole set, loading excluded,
# best of 3), plus our reader's MB/s.
#   bash bench/gait_steps.sh   (needs a virtualenv with shared/bench/requirements.txt: PEERS_PY=/path/to/python)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/imu
cargo build -q --release --locked -p gait --example imu_conformance
echo "== retrowalk gait (Rust): steps, direction, bouts, speed"
target/release/examples/imu_conformance "$data"
py=${PEERS_PY:-python3}
if "$py" -c "import scipy, mobgap" 2>/dev/null; then
  echo "== peers (shared/bench/peers_imu.py), same files"
  "$py" ../shared/bench/peers_imu.py --sets shared-ipol,shared-mobgap --repeat 3
else
  echo "== peers skipped: $py has no scipy and mobgap (set PEERS_PY to a virtualenv's python)"
fi
