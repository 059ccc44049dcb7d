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

-- The values recorded before this release, one row per event and measurement of its steps
-- (IF NOT EXISTS / OR IGNORE: a file taken back to an older schema with this table kept migrates
-- again).
WITH measured (name, step, per_alloy) AS (
    VALUES ('void_pct', 'inspect', 0), ('peak_c', 'mount', 1), ('peak_c', 'reball', 1),
           ('tal_s', 'mount', 0), ('tal_s', 'reball', 0), ('temp_max_c', 'test', 0),
           ('burnin_gflops', 'test', 0), ('burnin_min', 'test', 0), ('vram_errors', 'test', 0)
)
INSERT OR IGNORE INTO spc_values
SELECT e.seq, m.name, e.id, e.recorded_at, e.station_id,
       coalesce((SELECT u.model FROM units u WHERE u.serial = e.subject),
                (SELECT d.model FROM dies d WHERE d.id = e.subject), ''),
       CASE WHEN m.per_alloy THEN
           coalesce(json_extract(e.payload, '$.alloy'),
                    (SELECT d.alloy FROM dies d WHERE d.id = json_extract(e.payload, '$.die')))
       END,
       json_extract(e.payload, '$.' || m.name)
FROM measured m JOIN events e ON e.step = m.step
WHERE json_type(e.payload, '$.' || m.name) IN ('integer', 'real')
  AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id);
