"""Parses retrowalk's calendar with the icalendar package and checks it against the plan.

usage: check_calendar.py CALENDAR.ics PLAN.json
"""
import json
import re
import sys

from icalendar import Calendar

ics_path, plan_path = sys.argv[1], sys.argv[2]
with open(ics_path, "rb") as f:
    cal = Calendar.from_ical(f.read())
with open(plan_path) as f:
    plan = json.load(f)

planned = {}
for week in plan["weeks"]:
    for day in week["days"]:
        retro = day.get("retro")
        if retro and retro.get("dose"):
            planned[day["date"]] = retro["dose"]["minutes"]

events = {}
for ev in cal.walk("VEVENT"):
    date = ev.decoded("DTSTART").isoformat()
    minutes = int(re.search(r"(\d+) min", str(ev.get("SUMMARY"))).group(1))
    alarms = ev.walk("VALARM")
    assert alarms, f"{date}: no reminder"
    assert str(alarms[0].get("ACTION")) == "DISPLAY", f"{date}: reminder is not a display alarm"
    assert ev.get("UID"), f"{date}: no UID"
    events[date] = minutes

assert events == planned, f"calendar and plan differ:\n calendar {events}\n plan     {planned}"
print(f"calendar: {len(events)} events match the plan, each with a reminder")
