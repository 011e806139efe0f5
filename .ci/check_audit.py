"""Validates retrowalk's access log as FHIR R4 AuditEvent (NDJSON) with fhir.resources (R4B).

usage: check_audit.py AUDIT.ndjson
"""
import sys

from fhir.resources.R4B.auditevent import AuditEvent

events = []
with open(sys.argv[1]) as f:
    for n, line in enumerate(f, 1):
        if line.strip():
            events.append(AuditEvent.model_validate_json(line))  # raises on any invalid element, naming the line
assert events, "the access log is empty"
reads = [e for e in events if e.type.code == "110110" and e.action == "R"]
writes = [e for e in events if e.type.code == "110110" and e.action == "U"]
assert reads and writes, [(e.type.code, e.action) for e in events]
assert all(e.entity and e.entity[0].what.reference.startswith("Patient/walker-") for e in reads + writes)
print(f"FHIR AuditEvent valid: {len(events)} entries, {len(reads)} record reads, {len(writes)} record writes")
