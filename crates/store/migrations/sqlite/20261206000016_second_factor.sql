-- Two-factor sign-in (TOTP, RFC 6238) with recovery codes: required by
-- default for clinicians and clinic admins, who reach other people's records.
--
-- The account keeps the TOTP secret (base32) from enrolment on; it is in use
-- once a code has confirmed it (totp_enabled_at). totp_last_step is the last
-- time step a code was accepted for, so a code works once.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled_at INTEGER;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;

-- When this session passed the second factor; NULL until it has.
ALTER TABLE web_sessions ADD COLUMN second_factor_at INTEGER;

-- One-time recovery codes, kept hashed; a used code keeps its row.
CREATE TABLE recovery_codes (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX recovery_codes_account ON recovery_codes(account_id);
