-- Dashboard rollups. Reading a 30-day window of raw events at factory scale (a million units of
-- history) took seconds; these tables hold the same figures pre-counted. The state projector
-- writes them in the same transaction as each event and rebuilds them, with the rest of the
-- derived state, when a void replays the log. Hours are UTC, 'yyyy-MM-ddTHH'.

-- Station work: events per hour, station, operator, step and product model.
CREATE TABLE kpi_hourly (
    hour        TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    step        TEXT NOT NULL,
    model       TEXT NOT NULL,
    events      INTEGER NOT NULL,
    PRIMARY KEY (hour, station_id, operator_id, step, model)
) WITHOUT ROWID;

-- One row per recorded defect, keyed for the Pareto and its slices; the unit lets a batch
-- filter and the drill-down find the items behind a bar without reading the event log.
CREATE TABLE kpi_defects (
    event_seq   INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    defect      TEXT NOT NULL,
    step        TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    lot         TEXT NOT NULL,
    model       TEXT NOT NULL,
    item        TEXT NOT NULL
);
CREATE INDEX kpi_defects_time ON kpi_defects (recorded_at);
CREATE INDEX kpi_defects_item ON kpi_defects (item);

-- One row per unit: who mounted it, how its first inspection and first test went, and how
-- many tests it took. First-pass yield, retest rate and yield per operator read only this.
CREATE TABLE kpi_units (
    unit                  TEXT PRIMARY KEY,
    model                 TEXT NOT NULL,
    mount_operator        TEXT NOT NULL,
    first_inspect_at      TEXT,
    first_inspect_station TEXT,
    first_inspect_pass    INTEGER,
    first_test_at         TEXT,
    first_test_station    TEXT,
    first_test_pass       INTEGER,
    tests                 INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX kpi_units_first_inspect ON kpi_units (first_inspect_at) WHERE first_inspect_at IS NOT NULL;
CREATE INDEX kpi_units_first_test ON kpi_units (first_test_at) WHERE first_test_at IS NOT NULL;

-- Anomalies found when a test reports a GPU: the same GPU UUID on another unit, or a GPU other
-- than the donor card's. Kept here so the dashboard need not compare every unit ever made.
CREATE TABLE kpi_anomalies (
    event_seq INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('duplicate_gpu', 'swapped_gpu')),
    unit      TEXT NOT NULL,
    gpu_uuid  TEXT NOT NULL,
    other     TEXT NOT NULL, -- the other unit, or the donor card's GPU UUID
    PRIMARY KEY (event_seq, kind, other)
) WITHOUT ROWID;

-- Station output a shift is expected to reach; one key per station overrides it
-- ('throughput.target_per_shift.STRIP-01').
INSERT INTO config (key, value) VALUES ('throughput.target_per_shift', '100');

-- A database that already has events gets its rollups from a replay when it is next opened.
INSERT INTO config (key, value) SELECT 'derived.rebuild', '1' WHERE EXISTS (SELECT 1 FROM events);
