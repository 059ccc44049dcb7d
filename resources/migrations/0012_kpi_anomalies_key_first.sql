-- SQLite 3.40 (Debian 12's) makes PRAGMA integrity_check report false "NULL value" errors on a
-- WITHOUT ROWID table whose key columns do not come first, which made `reworkctl check` and the
-- backup check fail on any database with a GPU anomaly. Same table, key columns first.
CREATE TABLE kpi_anomalies_keyed (
    event_seq INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('duplicate_gpu', 'swapped_gpu')),
    other     TEXT NOT NULL, -- the other unit, or the donor card's GPU UUID
    unit      TEXT NOT NULL,
    gpu_uuid  TEXT NOT NULL,
    PRIMARY KEY (event_seq, kind, other)
) WITHOUT ROWID;
INSERT INTO kpi_anomalies_keyed (event_seq, kind, other, unit, gpu_uuid)
    SELECT event_seq, kind, other, unit, gpu_uuid FROM kpi_anomalies;
DROP TABLE kpi_anomalies;
ALTER TABLE kpi_anomalies_keyed RENAME TO kpi_anomalies;
