-- Every label printed, in order: what, for which item, to where, by whom, and why when it was a
-- reprint. Append-only like the event log.
CREATE TABLE label_prints (
    id          TEXT PRIMARY KEY,
    printed_at  TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    template    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    output      TEXT NOT NULL CHECK (output IN ('pdf', 'zpl', 'printer', 'send')),
    target      TEXT NOT NULL,
    reprint     INTEGER NOT NULL CHECK (reprint IN (0, 1)),
    reason      TEXT,
    CHECK (reprint = 0 OR length(reason) > 0)
);
CREATE INDEX label_prints_subject ON label_prints (subject, template);
CREATE TRIGGER label_prints_append_only_update BEFORE UPDATE ON label_prints
BEGIN
    SELECT RAISE(ABORT, 'label_prints is append-only');
END;
CREATE TRIGGER label_prints_append_only_delete BEFORE DELETE ON label_prints
BEGIN
    SELECT RAISE(ABORT, 'label_prints is append-only');
END;

-- Labels for network printers not delivered yet. A row leaves when the printer took the label;
-- until then a retry sends the same bytes.
CREATE TABLE label_queue (
    print_id   TEXT PRIMARY KEY REFERENCES label_prints (id),
    target     TEXT NOT NULL,
    payload    BLOB NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    queued_at  TEXT NOT NULL
);
