#!/usr/bin/env bash
# Server memory while people upload large activity files: a fresh --demo
# database, the demo walker signed in, then N uploads at once of a GPX file of
# about 15 MB (just under the 16 MB per-file limit); prints RSS before, the peak
# (VmHWM) and after.   bash bench/upload_memory.sh [N]   (needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-8}
port=18093
source bench/demo_server.sh
page_csrf=$(curl -s -b "$work/jar" "$base/import" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
python3 - "$work/big.gpx" <<'PY'
import sys, datetime
start = datetime.datetime(2026, 11, 1, 8, 0, 0)
with open(sys.argv[1], "w") as f:
    f.write('<gpx version="1.1" creator="bench"><trk><type>walking</type><trkseg>')
    i = 0
    while f.tell() < 15 * 1024 * 1024:
        t = (start + datetime.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(f'<trkpt lat="{51.5 + i * 1e-6:.7f}" lon="-0.1200000"><ele>10.0</ele><time>{t}</time></trkpt>')
        i += 1
    f.write('</trkseg></trk></gpx>')
PY
echo "file: $(du -m "$work/big.gpx" | cut -f1) MB, $n uploads at once"
echo "RSS before: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KB"
for i in $(seq "$n"); do
  sed "s/creator=\"bench\"/creator=\"bench$i\"/" "$work/big.gpx" > "$work/big$i.gpx"
  curl -s -o "$work/res$i.html" -w "upload $i: %{http_code} in %{time_total}s\n" -b "$work/jar" -H "Origin: $base" \
    -F "csrf=$page_csrf" -F "files=@$work/big$i.gpx" "$base/import" &
done
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
sleep 1
grep -ho "big1.gpx[^<]*" "$work/res1.html" | head -1
echo "RSS peak (VmHWM): $(awk '/VmHWM/ {print $2}' /proc/$server/status) KB"
echo "RSS after: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KB"
