#!/usr/bin/env python3
"""Creates N walkers on a running retrowalk server (sign-up, screening and a
52-week set-up starting 363 days ago) for the log-POST benchmark, and writes
one line per walker: "rw_session=TOKEN CSRF", plus the dates each may log.

    python3 bench/walkers.py http://127.0.0.1:18080 150 walkers.txt dates.txt
"""
import datetime
import http.cookiejar
import json
import re
import sys
import urllib.request

base, n, out_walkers, out_dates = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
today = datetime.date.today()
start = today - datetime.timedelta(days=363)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def walker(i):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    csrf = re.search(r'name="csrf" value="([^"]+)"', op.open(f"{base}/signup").read().decode()).group(1)
    form = f"csrf={csrf}&name=W{i}&email=bench{i}%40example.org&password=benchmark+password+{i}&time_zone=UTC"
    req = urllib.request.Request(f"{base}/signup", data=form.encode(), headers={"Origin": base})
    try:
        op.open(req)
    except urllib.error.HTTPError as e:  # the 303 to /today
        assert e.code == 303, e.code
    session = next(c.value for c in jar if c.name == "rw_session")
    token = re.search(r'name="csrf" value="([^"]+)"', op.open(f"{base}/learn").read().decode()).group(1)
    questions = json.load(op.open(f"{base}/api/v1/questions"))
    def put(path, body):
        r = urllib.request.Request(f"{base}{path}", data=json.dumps(body).encode(), method="PUT",
                                   headers={"Content-Type": "application/json", "X-CSRF-Token": token, "Origin": base})
        op.open(r).read()
    put("/api/v1/screening", {"answers": {q["id"]: False for q in questions}, "tug_seconds": 9.0})
    put("/api/v1/setup", {"equipment": ["treadmill", "safety_key", "handrails"],
                          "training_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                          "start": start.isoformat(), "time_zone": "UTC", "baseline_pain": 2, "weeks": 52})
    return f"rw_session={session} {token}"


with open(out_walkers, "w") as f:
    for i in range(n):
        f.write(walker(i) + "\n")
with open(out_dates, "w") as f:
    for d in range(364):
        f.write((start + datetime.timedelta(days=d)).isoformat() + "\n")
