-- Optional profile: used only to compare a chair-stand result with usual ranges for age and sex.
ALTER TABLE walkers ADD COLUMN birth_year BIGINT;
ALTER TABLE walkers ADD COLUMN sex TEXT;
