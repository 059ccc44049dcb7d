-- Cut-off tails (issue #17): each audit entry names the event chain's head when it was written,
-- and each event's link names the audit chain's head. Both claims are inside the hashes, so
-- cutting the last events contradicts a later audit entry, and cutting the last audit entries
-- contradicts a later event. Rows from before this migration claim nothing (NULL).
ALTER TABLE audit_log ADD COLUMN event_seq INTEGER;
ALTER TABLE audit_log ADD COLUMN event_hash TEXT;
ALTER TABLE event_chain ADD COLUMN audit_seq INTEGER;
ALTER TABLE event_chain ADD COLUMN audit_hash TEXT;
-- Linking events that lost their links is an admin's explicit, audited act, never automatic.
INSERT INTO permissions (role, action) VALUES ('admin', 'chain.repair');
