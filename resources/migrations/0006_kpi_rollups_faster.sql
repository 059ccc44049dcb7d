-- Dashboard refresh at a million units: the 30-day window still read ~40,000 rows per figure
-- through table lookups. Covering indexes make those reads index-only, station throughput gets
-- a rollup without the operator dimension, and the scrap rate a rollup of its own. The new
-- tables are filled here from what is already derived, not by a replay of the log.

DROP INDEX kpi_units_first_inspect;
DROP INDEX kpi_units_first_test;
CREATE INDEX kpi_units_first_inspect ON kpi_units (first_inspect_at, first_inspect_station, model, first_inspect_pass)
    WHERE first_inspect_at IS NOT NULL;
CREATE INDEX kpi_units_first_test ON kpi_units (first_test_at, first_test_station, model, first_test_pass, tests,
                                                mount_operator)
    WHERE first_test_at IS NOT NULL;

DROP INDEX units_created;
CREATE INDEX units_created ON units (created_at, model, state, repair_count, batch_id);

-- Station work per hour, station, step and model.
CREATE TABLE kpi_station_hourly (
    hour       TEXT NOT NULL,
    station_id TEXT NOT NULL,
    step       TEXT NOT NULL,
    model      TEXT NOT NULL,
    events     INTEGER NOT NULL,
    PRIMARY KEY (hour, station_id, step, model)
) WITHOUT ROWID;
INSERT INTO kpi_station_hourly (hour, station_id, step, model, events)
SELECT hour, station_id, step, model, sum(events) FROM kpi_hourly GROUP BY 1, 2, 3, 4;

-- Donor cards by the hour they were received, and how many of them ended as scrap at any step.
CREATE TABLE kpi_cards (
    hour      TEXT NOT NULL,
    model     TEXT NOT NULL,
    received  INTEGER NOT NULL,
    scrapped  INTEGER NOT NULL,
    PRIMARY KEY (hour, model)
) WITHOUT ROWID;
INSERT INTO kpi_cards (hour, model, received, scrapped)
SELECT substr(c.received_at, 1, 13), c.model, count(*),
       coalesce(sum(c.state = 'scrapped' OR d.state = 'scrapped' OR u.state = 'scrapped'), 0)
FROM cards c LEFT JOIN dies d ON d.card_serial = c.serial LEFT JOIN units u ON u.die_id = d.id
GROUP BY 1, 2;
