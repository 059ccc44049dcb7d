-- Wrong PINs in a row per operator, and until when the account is locked after too many.
CREATE TABLE login_failures (
    operator_id  TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until TEXT
);

-- Who did what outside the event log: logins, failed and refused logins, label reprints,
-- settings changes. Hash-chained like the events (SHA-256 of the entry and the previous hash);
-- `reworkctl verify` walks both chains.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    detail      TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

INSERT INTO config (key, value) VALUES ('login.max_failures', '5'), ('login.lock_minutes', '15');
