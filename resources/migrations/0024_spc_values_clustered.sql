-- The SPC rollup stored in the order the SPC tab reads it: by measurement, then time. As a rowid
-- table its rows lay in recording order, every measurement interleaved, so each of the tab's
-- seven reads walked the same pages of the window through an index (at 1M units, 230 ms of the
-- tab); clustered, each read is one run of its own pages. The columns and the uniqueness of
-- (event_seq, measurement) stay as they were; the unique index serves a void's delete.
CREATE TABLE spc_values_clustered (
    event_seq   INTEGER NOT NULL,
    measurement TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    station_id  TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    alloy       TEXT,
    value       REAL    NOT NULL,
    PRIMARY KEY (measurement, recorded_at, event_seq)
) WITHOUT ROWID;
INSERT INTO spc_values_clustered
SELECT event_seq, measurement, event_id, recorded_at, station_id, model, alloy, value FROM spc_values
ORDER BY measurement, recorded_at, event_seq;
DROP TABLE spc_values;
ALTER TABLE spc_values_clustered RENAME TO spc_values;
CREATE UNIQUE INDEX spc_values_event ON spc_values (event_seq, measurement);
