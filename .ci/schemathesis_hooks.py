"""Schemathesis hooks for .ci/run's API contract step.

Some rules cannot be written in JSON Schema, so a body can be schema-valid and
still rightly refused with 422:
  - rules relative to the clock: a date may not be in the future (in the
    walker's time zone), a set-up may start at most a year ahead;
  - rules across two fields: no more bouts than minutes.
Generated bodies that break them are dropped here, so the check that
schema-valid data is accepted stays on for every operation. Each rule's own
422 is tested in crates/web/tests/it/api.rs and crates/coach.
"""

import datetime

import schemathesis

TODAY = datetime.datetime.now(datetime.timezone.utc).date()
# Yesterday in UTC is today or earlier in every time zone.
LATEST_PAST_DATE = TODAY - datetime.timedelta(days=1)
LATEST_START = TODAY + datetime.timedelta(days=366)


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _whole(value):
    # JSON Schema's integers include 3.0, and the API takes them.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        return None
    return int(value)


@schemathesis.hook
def filter_body(context, body):
    if not isinstance(body, dict):
        return True
    for key in ("date", "session_date"):
        date = _date(body.get(key))
        if date is not None and date > LATEST_PAST_DATE:
            return False
    start = _date(body.get("start"))
    if start is not None and start > LATEST_START:
        return False
    bouts, minutes = _whole(body.get("bouts")), _whole(body.get("minutes"))
    # Without minutes, the day's dose supplies them: the shortest is 1 bout's worth.
    if bouts is not None and bouts > (minutes if minutes is not None else 1):
        return False
    return True


def _walk_csv():
    """A phone recording with walking in it (as gait::synthetic::walk_csv):
    24 steps 0.55 s apart between 4 s of standing, each a jolt of the trunk."""
    import math

    steps = [4.0 + i * 0.55 for i in range(24)]
    rows = ["time,seconds_elapsed,z,y,x"]
    for i in range(int((steps[-1] + 4.0) * 100)):
        t = i / 100
        v = 9.81
        for s in steps:
            d = t - s
            if 0 <= d < 0.04:
                v += 3 * d / 0.04
            elif 0.04 <= d < 1:
                v += 3 * math.exp(-(d - 0.04) / 0.15)
        rows.append(f"{int(1.7e18 + t * 1e9)},{t:.3f},{0.3 * v:.4f},{0.954 * v:.4f},0.1")
    return "\n".join(rows) + "\n"


WALK_CSV = _walk_csv()


@schemathesis.hook
def map_body(context, body):
    # A motion recording's body is a file: any bytes are schema-valid, but only
    # a recording with walking in it is accepted (its refusals are tested in
    # crates/web/tests/it/motion.rs). The generated day still varies: a day
    # without a session is a 409.
    operation = getattr(context, "operation", None)
    if operation is not None and operation.path.endswith("/motion"):
        return WALK_CSV
    return body
