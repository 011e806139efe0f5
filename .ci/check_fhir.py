"""Validates retrowalk's FHIR export with the fhir.resources package and checks its contents.

fhir.resources 7+ ships R4B (4.3) for the R4 family; the resources used here
(Bundle, Patient, CarePlan with activity.detail, Observation, QuestionnaireResponse)
are the same in R4 and R4B.

usage: check_fhir.py BUNDLE.json ARCHIVE.json [QUESTIONNAIRE.json]
"""
import json
import sys

from fhir.resources.R4B.bundle import Bundle

bundle_path, archive_path = sys.argv[1], sys.argv[2]
with open(bundle_path) as f:
    text = f.read()
bundle = Bundle.model_validate_json(text)  # raises on any invalid element
with open(archive_path) as f:
    archive = json.load(f)

kinds = {}
for e in bundle.entry:
    kinds.setdefault(e.resource.get_resource_type(), []).append(e.resource)

assert len(kinds["Patient"]) == 1, kinds.keys()
assert len(kinds["CarePlan"]) == 1
sessions = [o for o in kinds["Observation"] if o.code.coding[0].code == "retro-walking-session"]
scores = [o for o in kinds["Observation"] if o.code.coding[0].code.startswith("questionnaire-")]
outcomes = [o for o in kinds["Observation"] if o not in sessions and o not in scores]
assert len(sessions) == len(archive["sessions"]), (len(sessions), len(archive["sessions"]))
assert len(outcomes) == len(archive["outcomes"]), (len(outcomes), len(archive["outcomes"]))
results = archive.get("questionnaire_results", [])
assert len(kinds["QuestionnaireResponse"]) == len(archive["screenings"]) + len(results)
assert len(scores) == sum(1 for r in results for s in r["scores"] if s["score"] is not None), len(scores)
pain = [c for o in sessions for c in o.component if any(cd.system == "http://loinc.org" and cd.code == "72514-3" for cd in c.code.coding)]
assert pain, "pain components carry LOINC 72514-3"
print(f"FHIR bundle valid: {len(bundle.entry)} resources; {len(sessions)} sessions, {len(outcomes)} outcome results, "
      f"{len(results)} questionnaire responses with {len(scores)} subscale scores")

# The example questionnaire a clinic's licensed one is modelled on is valid FHIR too.
if len(sys.argv) > 3:
    from fhir.resources.R4B.questionnaire import Questionnaire
    with open(sys.argv[3]) as f:
        q = Questionnaire.model_validate_json(f.read())
    print(f"example Questionnaire valid: {q.id}, {len(q.item)} top-level items")
