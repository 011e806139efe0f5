-- An invitation to work at a clinic (its admin's, for a clinician or an
-- admin) rather than to join its care: the role it gives. NULL is a walker's
-- invitation, as before.
ALTER TABLE invitations ADD COLUMN role TEXT;
