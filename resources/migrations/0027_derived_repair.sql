-- Replacing the derived state with a replay of the event log (`reworkctl check --repair`) is an
-- admin's explicit, audited act, as linking lost chain links is.
INSERT OR IGNORE INTO permissions (role, action) VALUES ('admin', 'derived.repair');
