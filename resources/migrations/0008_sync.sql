-- Nightly sync with the central PostgreSQL. Every event recorded here enters the outbox in the
-- same transaction; a push removes it only after the server committed it, so an event is sent
-- at least once and, the server ignoring known ids, stored there exactly once.
CREATE TABLE sync_outbox (
    event_seq INTEGER PRIMARY KEY REFERENCES events (seq)
);
-- What this database recorded before it could sync goes up on the first push.
INSERT INTO sync_outbox (event_seq) SELECT seq FROM events;

-- Sync bookkeeping: this database's origin id, the server's last event pulled, times, errors.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Events of other stations that could not be applied here (e.g. a die both stations mounted
-- while offline): kept with the reason, shown as anomalies, never silently dropped.
CREATE TABLE sync_rejected (
    server_seq INTEGER PRIMARY KEY,
    event_id   TEXT NOT NULL,
    station_id TEXT NOT NULL,
    step       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    seen_at    TEXT NOT NULL
);

-- Conflicts the server found between stations, pulled down for the dashboard.
CREATE TABLE sync_anomalies (
    server_id INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    found_at  TEXT NOT NULL
);
