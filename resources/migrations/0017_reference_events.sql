-- Reference data recorded like work (issue #16): every change of an operator, a permission, a
-- product, a serial format, a limit, a defect code, a setting, a station or a label template is
-- an event (step 'reference') in the log, chained and synced with the work. The reference tables
-- are derived from those events, column by column: each column keeps the version (time, then
-- event id) of the change that set it, and only a newer change sets it again. Rows from before
-- this migration have no version; any change wins over them.
CREATE TABLE reference_versions (
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    field   TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (tbl, row_key, field)
) WITHOUT ROWID;

-- Label templates the factory shares: the station's copy of the server's (before: files only).
CREATE TABLE label_templates (
    name TEXT PRIMARY KEY,
    body TEXT NOT NULL
);

-- Events of other stations that are set aside are kept whole, to be applied once what stood in
-- their way is resolved; `basis` names the set-aside event a follow-on builds on.
ALTER TABLE sync_rejected ADD COLUMN recorded_at TEXT;
ALTER TABLE sync_rejected ADD COLUMN operator_id TEXT;
ALTER TABLE sync_rejected ADD COLUMN payload TEXT;
ALTER TABLE sync_rejected ADD COLUMN subjects TEXT;
ALTER TABLE sync_rejected ADD COLUMN basis TEXT;
-- Every serial a set-aside event concerns: a later event on any of them is set aside too.
CREATE TABLE sync_rejected_serials (
    serial     TEXT NOT NULL,
    server_seq INTEGER NOT NULL REFERENCES sync_rejected (server_seq) ON DELETE CASCADE,
    PRIMARY KEY (serial, server_seq)
) WITHOUT ROWID;
CREATE INDEX sync_rejected_serials_seq ON sync_rejected_serials (server_seq);

-- The events a conflict is about (to resolve it), and how it was resolved.
ALTER TABLE sync_anomalies ADD COLUMN event_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_anomalies ADD COLUMN resolved_at TEXT;

-- When each station database last pushed, as the server knows it: for the status bar.
CREATE TABLE sync_origins (
    origin       TEXT PRIMARY KEY,
    stations     TEXT NOT NULL,
    last_push_at TEXT NOT NULL
);

INSERT INTO permissions (role, action) VALUES ('supervisor', 'conflicts.resolve'), ('admin', 'conflicts.resolve');
INSERT INTO config (key, value) VALUES ('sync.interval_minutes', '15') ON CONFLICT (key) DO NOTHING;
-- A log that already holds reference changes (a file taken back to an older schema and brought
-- forward again) has their column versions derived anew.
INSERT INTO config (key, value) SELECT 'derived.rebuild', '1'
WHERE EXISTS (SELECT 1 FROM events WHERE step = 'reference') ON CONFLICT (key) DO NOTHING;
