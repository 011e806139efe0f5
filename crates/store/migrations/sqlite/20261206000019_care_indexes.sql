-- The patient list and the clinic-wide reads find the standing relationships
-- of a clinic, and of a walker, without scanning every relationship (seen at
-- 10,000 walkers: bench/clinic_scale.sh).
CREATE INDEX care_relationships_clinic_standing ON care_relationships(clinic_id) WHERE ended_at IS NULL;
CREATE INDEX care_relationships_walker ON care_relationships(walker_id, clinic_id);
