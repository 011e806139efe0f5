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

