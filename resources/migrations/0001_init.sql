-- ReworkTrack schema version 1: the event log, the state derived from it, and reference data.
-- Never edit a shipped migration; add the next numbered file instead.

-- Append-only record of work. `seq` orders events on this station; `id` (UUIDv7) is global.
CREATE TABLE events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    recorded_at  TEXT    NOT NULL,            -- UTC, ISO 8601 with milliseconds
    station_id   TEXT    NOT NULL,
    operator_id  TEXT    NOT NULL,
    step         TEXT    NOT NULL,
    subject      TEXT    NOT NULL,            -- the primary serial
    payload      TEXT    NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX events_step_time ON events (step, recorded_at);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

-- Every serial of the genealogy an event concerns: the trace of any serial is one lookup.
CREATE TABLE event_subjects (
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    kind      TEXT    NOT NULL,
    serial    TEXT    NOT NULL,
    PRIMARY KEY (serial, event_seq, kind)
) WITHOUT ROWID;
CREATE INDEX event_subjects_event ON event_subjects (event_seq);

-- Derived state. Rebuilt from events by `reworkctl check`; updated in each event's transaction.
CREATE TABLE voided_events (
    event_id      TEXT PRIMARY KEY,
    void_event_id TEXT NOT NULL
);

CREATE TABLE cards (
    serial      TEXT PRIMARY KEY,
    model       TEXT NOT NULL,
    lot         TEXT NOT NULL,
    partner     TEXT,
    pcb_rev     TEXT,
    gpu_uuid    TEXT,
    state       TEXT NOT NULL,
    die_id      TEXT,
    received_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX cards_lot ON cards (lot);
CREATE INDEX cards_gpu_uuid ON cards (gpu_uuid) WHERE gpu_uuid IS NOT NULL;

CREATE TABLE dies (
    id           TEXT PRIMARY KEY,
    card_serial  TEXT NOT NULL UNIQUE REFERENCES cards (serial),
    model        TEXT NOT NULL,
    marking      TEXT,
    date_code    TEXT,
    msl          TEXT,
    exposed_at   TEXT,                        -- left dry storage: floor-life clock start
    alloy        TEXT,
    state        TEXT NOT NULL,
    unit_serial  TEXT,
    reball_count INTEGER NOT NULL DEFAULT 0,
    reflow_count INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX dies_state ON dies (state);

CREATE TABLE boards (
    serial       TEXT PRIMARY KEY,
    state        TEXT NOT NULL,
    unit_serial  TEXT NOT NULL,
    reflow_count INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);

CREATE TABLE units (
    serial       TEXT PRIMARY KEY,
    die_id       TEXT NOT NULL UNIQUE REFERENCES dies (id),
    board_serial TEXT NOT NULL UNIQUE REFERENCES boards (serial),
    card_serial  TEXT NOT NULL REFERENCES cards (serial),
    model        TEXT NOT NULL,
    state        TEXT NOT NULL,
    repair_count INTEGER NOT NULL DEFAULT 0,
    batch_id     TEXT,
    gpu_uuid     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX units_state ON units (state, updated_at);
CREATE INDEX units_batch ON units (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX units_gpu_uuid ON units (gpu_uuid) WHERE gpu_uuid IS NOT NULL;

CREATE TABLE batches (
    id         TEXT PRIMARY KEY,
    model      TEXT NOT NULL,
    state      TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    closed_at  TEXT,
    shipped_at TEXT,
    updated_at TEXT NOT NULL
);

-- Reference data.
CREATE TABLE operators (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
    pin_hash   TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE stations (
    id         TEXT PRIMARY KEY,
    step       TEXT NOT NULL,
    name       TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    model        TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    device_id    TEXT,
    die_marking  TEXT,
    memory_mib   INTEGER NOT NULL,
    memory_chips INTEGER NOT NULL,
    msl          TEXT
);

-- Per-product overrides of the built-in identifier formats; model '' means every model.
CREATE TABLE serial_formats (
    kind    TEXT NOT NULL,
    model   TEXT NOT NULL DEFAULT '',
    pattern TEXT NOT NULL,
    PRIMARY KEY (kind, model)
);

-- Process limits; model '' means every model. NULL bound: no bound.
CREATE TABLE limits (
    name      TEXT NOT NULL,
    model     TEXT NOT NULL DEFAULT '',
    min_value REAL,
    max_value REAL,
    PRIMARY KEY (name, model)
);

CREATE TABLE defect_codes (
    code        TEXT PRIMARY KEY,
    step        TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE config (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
