-- API tokens get a lifetime: an optional expiry and the time of last use (kept
-- to the minute), so an owner can see and revoke what is in use.
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
