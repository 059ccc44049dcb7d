-- Every value statistical process control charts (issue 20), one row per event and
-- measurement, written with the event as the KPI rollups are: the SPC tab and `reworkctl spc`
-- read these narrow rows instead of every event's payload. A void takes its event's rows away
-- (partial replay); `check` compares them with a replay. The measurements are SpcMeasurement's.
-- model: the subject's product (the unit's, or the die's at reball); alloy: only where the
-- specification depends on it (peak_c), as the record or its die says.
CREATE TABLE IF NOT EXISTS spc_values (
    event_seq   INTEGER NOT NULL,
    measurement TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    station_id  TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    alloy       TEXT,
    value       REAL    NOT NULL,
    PRIMARY KEY (event_seq, measurement)
);
CREATE INDEX IF NOT EXISTS spc_values_time ON spc_values (measurement, recorded_at, event_seq);

-- The values recorded before this release (IF NOT EXISTS / OR IGNORE: a file taken back to an
-- older schema with this table kept migrates again).
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'void_pct', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.void_pct')
FROM events e
WHERE e.step IN ('inspect') AND json_type(e.payload, '$.void_pct') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'peak_c', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       coalesce(json_extract(e.payload, '$.alloy'),
                (SELECT d.alloy FROM dies d WHERE d.id = json_extract(e.payload, '$.die'))),
       json_extract(e.payload, '$.peak_c')
FROM events e
WHERE e.step IN ('mount', 'reball') AND json_type(e.payload, '$.peak_c') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'tal_s', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.tal_s')
FROM events e
WHERE e.step IN ('mount', 'reball') AND json_type(e.payload, '$.tal_s') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'temp_max_c', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.temp_max_c')
FROM events e
WHERE e.step IN ('test') AND json_type(e.payload, '$.temp_max_c') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'burnin_gflops', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.burnin_gflops')
FROM events e
WHERE e.step IN ('test') AND json_type(e.payload, '$.burnin_gflops') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'burnin_min', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.burnin_min')
FROM events e
WHERE e.step IN ('test') AND json_type(e.payload, '$.burnin_min') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
INSERT OR IGNORE INTO spc_values
SELECT e.seq, 'vram_errors', e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       NULL,
       json_extract(e.payload, '$.vram_errors')
FROM events e
WHERE e.step IN ('test') AND json_type(e.payload, '$.vram_errors') IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
