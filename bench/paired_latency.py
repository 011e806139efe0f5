"""Paired light-load latency of two servers on the same data (issue #13).

One request at a time, the same request (the same clinician, the same path)
to each server in turn, in random order within each pair: whatever the
machine does between one pair and the next falls on both alike, so the
paired difference is what one build costs over the other, with a confidence
interval from the pairs themselves (a bootstrap of the median). Standard
library only.

    python3 bench/paired_latency.py BASE_LOGGED BASE_ALONE WHO_FILE SECONDS
WHO_FILE: lines of "clinician-number walker-id", as bench/clinic_scale.sh writes.
"""
import http.client
import random
import statistics
import sys
import time
from urllib.parse import urlsplit


def connect(base):
    u = urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=10)


def timed(conn, path, token):
    start = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer bench-{token}"})
    r = conn.getresponse()
    r.read()
    took = time.perf_counter() - start
    if r.status != 200:
        sys.exit(f"{path}: HTTP {r.status}")
    return took * 1000.0


def bootstrap(pairs, stat, rounds=2000, seed=7):
    rng = random.Random(seed)
    values = sorted(stat([rng.choice(pairs) for _ in pairs]) for _ in range(rounds))
    return values[int(rounds * 0.025)], values[int(rounds * 0.975)]


def main():
    logged, alone, who_file, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    who = [line.split() for line in open(who_file) if line.strip()]
    conns = [connect(logged), connect(alone)]
    rng = random.Random(11)
    pairs = {"list": [], "page": []}
    # A warm-up, not counted: both servers' caches and connections.
    for n, w in who:
        for c in conns:
            timed(c, "/api/v1/patients", n)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        n, w = rng.choice(who)
        mode = rng.choice(["list", "page"])
        path = "/api/v1/patients" if mode == "list" else f"/api/v1/patients/{w}"
        order = [0, 1]
        rng.shuffle(order)
        t = [0.0, 0.0]
        for k in order:
            t[k] = timed(conns[k], path, n)
        pairs[mode].append((t[0], t[1]))
    print("| request | pairs | p50 logged | p50 alone | logged / alone, median of pairs | 95 % interval |")
    print("|---|---:|---:|---:|---:|---:|")
    for mode, label in (("list", "patient list"), ("page", "walker page")):
        p = pairs[mode]
        if not p:
            continue
        ratio = lambda sample: statistics.median(a / b for a, b in sample) - 1.0
        lo, hi = bootstrap(p, ratio)
        print(
            f"| {label} | {len(p)} | {statistics.median(a for a, _ in p):.2f} ms | "
            f"{statistics.median(b for _, b in p):.2f} ms | {ratio(p) * 100:+.1f} % | {lo * 100:+.1f} … {hi * 100:+.1f} % |"
        )


main()
