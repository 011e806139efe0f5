-- Two-factor sign-in (TOTP, RFC 6238) with recovery codes: required by
-- default for clinicians and clinic admins, who reach other people's records.
--
-- The account keeps the TOTP secret (base32) from enrolment on; it is in use
-- once a code has confirmed it (totp_enabled_at). totp_last_step is the last
-- time step a code was accepted for, so a code works once.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled_at BIGINT;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;

-- When this session passed the second factor; NULL until it has.
ALTER TABLE web_sessions ADD COLUMN second_factor_at BIGINT;

-- One-time recovery codes, kept hashed; a used code keeps its row.
CREATE TABLE recovery_codes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash   TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX recovery_codes_account ON recovery_codes(account_id);
