-- Clinic mode at scale (issue #13), on a database the server has migrated and
-- seeded with --demo (the demo walker is the template for screenings and
-- set-ups). 10,000 walkers with a year of a 52-week programme each (three
-- sessions a week, a morning check-in after each, outcome measures at the
-- start, 3 and 12 months): about 1.5 million sessions. 20 clinics, 300
-- clinicians (15 a clinic, each with an API token "bench-<n>"), every walker in
-- one clinic's care with one clinician of it on their team (30-60 each), and
-- one clinician on all 500 walkers of the first clinic.
--   psql "$DB" -v today=2026-12-06 -f bench/clinic_scale.sql
\set ON_ERROR_STOP on
\timing on
BEGIN;
CREATE TEMP TABLE tpl AS
  SELECT s.answers, s.status, s.outcome, s.rules_version, p.equipment, p.forward_speed_tenths
  FROM walkers w JOIN screenings s ON s.walker_id = w.id JOIN programmes p ON p.walker_id = w.id
  WHERE w.id = 1 ORDER BY s.id DESC, p.id DESC LIMIT 1;

INSERT INTO walkers (name, time_zone, created_at, version)
  SELECT 'Scale walker ' || g, 'UTC', 0, 0 FROM generate_series(1, 10000) g;
CREATE TEMP TABLE sw AS
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM walkers WHERE name LIKE 'Scale walker %';

INSERT INTO screenings (walker_id, answers, status, outcome, rules_version, created_at)
  SELECT sw.id, tpl.answers, tpl.status, tpl.outcome, tpl.rules_version, 0 FROM sw, tpl;
INSERT INTO programmes (walker_id, start_date, weeks, training_days, equipment, baseline_pain,
                        forward_speed_tenths, time_zone, created_at)
  SELECT sw.id, to_char(date :'today' - 364 + (sw.n % 7)::int, 'YYYY-MM-DD'), 52, 'mon,wed,fri', tpl.equipment,
         2 + (sw.n % 3), tpl.forward_speed_tenths, 'UTC', 0
  FROM sw, tpl;
CREATE TEMP TABLE sp AS
  SELECT p.id AS programme, p.walker_id AS walker, sw.n, p.start_date::date AS start
  FROM programmes p JOIN sw ON sw.id = p.walker_id;

-- Every Monday, Wednesday and Friday from the start to yesterday; pain varies
-- by walker and day but stays tolerable, so the coach progresses and holds.
INSERT INTO session_logs (programme_id, session_date, minutes, bouts, speed_tenths, incline_pct, support, surface,
                          pain_before, pain_peak, pain_after, rpe, symptoms, notes, created_at)
  SELECT sp.programme, to_char(d, 'YYYY-MM-DD'), 10, 2, 15, 0, 'rails', 'treadmill',
         2, 1 + ((sp.n + extract(doy FROM d)::int) % 4), 1 + ((sp.n + extract(doy FROM d)::int) % 3), 4, '', '', 0
  FROM sp, generate_series(sp.start, date :'today' - 1, interval '1 day') d
  WHERE extract(isodow FROM d) IN (1, 3, 5);
INSERT INTO checkins (programme_id, session_date, checkin_date, pain, symptoms, created_at)
  SELECT l.programme_id, l.session_date, to_char(l.session_date::date + 1, 'YYYY-MM-DD'),
         2 + (length(l.session_date) + l.programme_id::int) % 2, '', 0
  FROM session_logs l JOIN sp ON sp.programme = l.programme_id WHERE l.session_date::date < date :'today' - 1;
INSERT INTO outcomes (walker_id, measure, value, taken_on, detail, created_at)
  SELECT sp.walker, 'timed_up_and_go', 12.0 - k * 0.8, to_char(sp.start + k * 91, 'YYYY-MM-DD'), '', 0
  FROM sp, generate_series(0, 3) k WHERE sp.start + k * 91 < date :'today';

-- Clinics, clinicians (each owns a walker of their own, as every account does).
INSERT INTO clinics (name, created_at) SELECT 'Scale clinic ' || c, 0 FROM generate_series(1, 20) c;
CREATE TEMP TABLE sc AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM clinics WHERE name LIKE 'Scale clinic %';
INSERT INTO walkers (name, time_zone, created_at, version)
  SELECT 'Scale clinician ' || g, 'UTC', 0, 0 FROM generate_series(1, 300) g;
INSERT INTO accounts (walker_id, email, password_hash, role, created_at)
  SELECT w.id, 'clin' || substr(w.name, 17) || '@scale.example', '$argon2id$v=19$none', 'clinician', 0
  FROM walkers w WHERE w.name LIKE 'Scale clinician %';
CREATE TEMP TABLE sa AS
  SELECT a.id, substr(a.email, 5, strpos(a.email, '@') - 5)::int AS n FROM accounts a WHERE a.email LIKE '%@scale.example';
INSERT INTO memberships (account_id, clinic_id, role, created_at)
  SELECT sa.id, sc.id, 'clinician', 0 FROM sa JOIN sc ON sc.n = 1 + (sa.n - 1) % 20;
INSERT INTO api_tokens (token_hash, account_id, name, created_at)
  SELECT encode(sha256(convert_to('bench-' || sa.n, 'UTF8')), 'hex'), sa.id, 'bench', 0 FROM sa;

-- Walker n is in clinic 1 + (n-1) % 20, on the team of one of its 15
-- clinicians, chosen unevenly (caseloads of about 20 to 50).
INSERT INTO care_relationships (walker_id, clinic_id, started_at)
  SELECT sw.id, sc.id, 0 FROM sw JOIN sc ON sc.n = 1 + (sw.n - 1) % 20;
INSERT INTO care_team (relationship_id, account_id, added_at)
  SELECT r.id, sa.id, 0
  FROM care_relationships r JOIN sw ON sw.id = r.walker_id JOIN sc ON sc.id = r.clinic_id
  JOIN sa ON 1 + (sa.n - 1) % 20 = sc.n
   AND (sa.n - 1) / 20 = (((sw.n - 1) / 20) * 7 + ((sw.n - 1) / 20) % 11) % 15;
-- Clinician 1 (clinic 1) looks after every walker of clinic 1 (500).
INSERT INTO care_team (relationship_id, account_id, added_at)
  SELECT r.id, (SELECT id FROM sa WHERE n = 1), 0
  FROM care_relationships r JOIN sc ON sc.id = r.clinic_id AND sc.n = 1
  WHERE NOT EXISTS (SELECT 1 FROM care_team t WHERE t.relationship_id = r.id AND t.account_id = (SELECT id FROM sa WHERE n = 1));
COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM session_logs) AS sessions, (SELECT count(*) FROM checkins) AS checkins,
       (SELECT count(*) FROM outcomes) AS outcomes, (SELECT count(*) FROM care_team) AS team_places;
-- Caseloads: smallest, median, largest but one, largest.
SELECT min(c), percentile_disc(0.5) WITHIN GROUP (ORDER BY c), max(c) FILTER (WHERE c < 500), max(c)
  FROM (SELECT account_id, count(*) c FROM care_team GROUP BY account_id) x;
