"""Validates a clinic's FHIR bulk export (one NDJSON file per resource type) with fhir.resources (R4B),
and the registry CSV beside it.

usage: check_bulk.py FOLDER REGISTRY.csv
"""
import csv
import importlib
import pathlib
import sys

folder, registry = pathlib.Path(sys.argv[1]), sys.argv[2]
counts = {}
for path in sorted(folder.glob("*.ndjson")):
    kind = path.stem
    model = getattr(importlib.import_module(f"fhir.resources.R4B.{kind.lower()}"), kind)
    for n, line in enumerate(path.read_text().splitlines(), 1):
        resource = model.model_validate_json(line)  # raises on any invalid element
        assert resource.get_resource_type() == kind, (path, n)
        counts[kind] = counts.get(kind, 0) + 1
assert set(counts) == {"Patient", "CarePlan", "Observation", "QuestionnaireResponse"}, counts
with open(registry) as f:
    rows = list(csv.DictReader(f))
assert rows and all(r["walker"] and r["measure"] for r in rows), rows
assert any(r["baseline"] for r in rows), "a baseline result is placed"
print(f"FHIR bulk export valid: {counts}; registry: {len(rows)} rows")
