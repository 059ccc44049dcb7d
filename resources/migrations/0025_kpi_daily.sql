-- Daily rollups: a KPI over two years at a million units read a million rows of kpi_units (twice)
-- and of units, and two million hourly rows, for 2–3 s. These hold the same counts per UTC day
-- ('yyyy-MM-dd'); a range reads whole days here and its partial first and last day from the
-- detailed rows. Triggers keep them in step with their sources in the same statement, so every
-- path that writes the sources (recording, sync, replay, restore) keeps them right.

-- First inspections and first tests per day, station, product and mounting operator: first-pass
-- yield, the retest rate and each operator's yield.
CREATE TABLE IF NOT EXISTS kpi_first_daily (
    kind           TEXT NOT NULL CHECK (kind IN ('inspect', 'test')),
    day            TEXT NOT NULL,
    station_id     TEXT NOT NULL,
    model          TEXT NOT NULL,
    mount_operator TEXT NOT NULL,
    units          INTEGER NOT NULL,
    passed         INTEGER NOT NULL,
    retested       INTEGER NOT NULL,
    PRIMARY KEY (kind, day, station_id, model, mount_operator)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS kpi_first_daily_add_inspect AFTER INSERT ON kpi_units
WHEN new.first_inspect_at IS NOT NULL BEGIN
    INSERT INTO kpi_first_daily VALUES ('inspect', substr(new.first_inspect_at, 1, 10),
        coalesce(new.first_inspect_station, ''), new.model, new.mount_operator, 1,
        coalesce(new.first_inspect_pass, 0), 0)
    ON CONFLICT DO UPDATE SET units = units + 1, passed = passed + excluded.passed;
END;
CREATE TRIGGER IF NOT EXISTS kpi_first_daily_add_test AFTER INSERT ON kpi_units
WHEN new.first_test_at IS NOT NULL BEGIN
    INSERT INTO kpi_first_daily VALUES ('test', substr(new.first_test_at, 1, 10),
        coalesce(new.first_test_station, ''), new.model, new.mount_operator, 1,
        coalesce(new.first_test_pass, 0), new.tests > 1)
    ON CONFLICT DO UPDATE SET units = units + 1, passed = passed + excluded.passed,
                              retested = retested + excluded.retested;
END;
CREATE TRIGGER IF NOT EXISTS kpi_first_daily_drop_inspect AFTER DELETE ON kpi_units
WHEN old.first_inspect_at IS NOT NULL BEGIN
    UPDATE kpi_first_daily SET units = units - 1, passed = passed - coalesce(old.first_inspect_pass, 0)
    WHERE kind = 'inspect' AND day = substr(old.first_inspect_at, 1, 10)
      AND station_id = coalesce(old.first_inspect_station, '') AND model = old.model
      AND mount_operator = old.mount_operator;
    DELETE FROM kpi_first_daily WHERE kind = 'inspect' AND day = substr(old.first_inspect_at, 1, 10)
      AND station_id = coalesce(old.first_inspect_station, '') AND model = old.model
      AND mount_operator = old.mount_operator AND units = 0;
END;
CREATE TRIGGER IF NOT EXISTS kpi_first_daily_drop_test AFTER DELETE ON kpi_units
WHEN old.first_test_at IS NOT NULL BEGIN
    UPDATE kpi_first_daily SET units = units - 1, passed = passed - coalesce(old.first_test_pass, 0),
                               retested = retested - (old.tests > 1)
    WHERE kind = 'test' AND day = substr(old.first_test_at, 1, 10)
      AND station_id = coalesce(old.first_test_station, '') AND model = old.model
      AND mount_operator = old.mount_operator;
    DELETE FROM kpi_first_daily WHERE kind = 'test' AND day = substr(old.first_test_at, 1, 10)
      AND station_id = coalesce(old.first_test_station, '') AND model = old.model
      AND mount_operator = old.mount_operator AND units = 0;
END;
-- An update is the old row taken out and the new one put in; only the columns counted here.
CREATE TRIGGER IF NOT EXISTS kpi_first_daily_move_inspect AFTER UPDATE OF first_inspect_at, first_inspect_station,
    first_inspect_pass, model, mount_operator ON kpi_units BEGIN
    UPDATE kpi_first_daily SET units = units - 1, passed = passed - coalesce(old.first_inspect_pass, 0)
    WHERE old.first_inspect_at IS NOT NULL AND kind = 'inspect' AND day = substr(old.first_inspect_at, 1, 10)
      AND station_id = coalesce(old.first_inspect_station, '') AND model = old.model
      AND mount_operator = old.mount_operator;
    DELETE FROM kpi_first_daily WHERE old.first_inspect_at IS NOT NULL AND kind = 'inspect'
      AND day = substr(old.first_inspect_at, 1, 10) AND station_id = coalesce(old.first_inspect_station, '')
      AND model = old.model AND mount_operator = old.mount_operator AND units = 0;
    INSERT INTO kpi_first_daily SELECT 'inspect', substr(new.first_inspect_at, 1, 10),
        coalesce(new.first_inspect_station, ''), new.model, new.mount_operator, 1,
        coalesce(new.first_inspect_pass, 0), 0 WHERE new.first_inspect_at IS NOT NULL
    ON CONFLICT DO UPDATE SET units = units + 1, passed = passed + excluded.passed;
END;
CREATE TRIGGER IF NOT EXISTS kpi_first_daily_move_test AFTER UPDATE OF first_test_at, first_test_station, first_test_pass,
    tests, model, mount_operator ON kpi_units BEGIN
    UPDATE kpi_first_daily SET units = units - 1, passed = passed - coalesce(old.first_test_pass, 0),
                               retested = retested - (old.tests > 1)
    WHERE old.first_test_at IS NOT NULL AND kind = 'test' AND day = substr(old.first_test_at, 1, 10)
      AND station_id = coalesce(old.first_test_station, '') AND model = old.model
      AND mount_operator = old.mount_operator;
    DELETE FROM kpi_first_daily WHERE old.first_test_at IS NOT NULL AND kind = 'test'
      AND day = substr(old.first_test_at, 1, 10) AND station_id = coalesce(old.first_test_station, '')
      AND model = old.model AND mount_operator = old.mount_operator AND units = 0;
    INSERT INTO kpi_first_daily SELECT 'test', substr(new.first_test_at, 1, 10),
        coalesce(new.first_test_station, ''), new.model, new.mount_operator, 1,
        coalesce(new.first_test_pass, 0), new.tests > 1 WHERE new.first_test_at IS NOT NULL
    ON CONFLICT DO UPDATE SET units = units + 1, passed = passed + excluded.passed,
                              retested = retested + excluded.retested;
END;

-- Units per day they were mounted, product and repair loops: how many ended good or as scrap.
CREATE TABLE IF NOT EXISTS kpi_units_daily (
    day          TEXT NOT NULL,
    model        TEXT NOT NULL,
    repair_count INTEGER NOT NULL,
    units        INTEGER NOT NULL,
    good         INTEGER NOT NULL,
    scrapped     INTEGER NOT NULL,
    PRIMARY KEY (day, model, repair_count)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS kpi_units_daily_add AFTER INSERT ON units BEGIN
    INSERT INTO kpi_units_daily VALUES (substr(new.created_at, 1, 10), new.model, new.repair_count, 1,
        new.state IN ('tested', 'packed', 'shipped'), new.state = 'scrapped')
    ON CONFLICT DO UPDATE SET units = units + 1, good = good + excluded.good,
                              scrapped = scrapped + excluded.scrapped;
END;
CREATE TRIGGER IF NOT EXISTS kpi_units_daily_drop AFTER DELETE ON units BEGIN
    UPDATE kpi_units_daily SET units = units - 1, good = good - (old.state IN ('tested', 'packed', 'shipped')),
                               scrapped = scrapped - (old.state = 'scrapped')
    WHERE day = substr(old.created_at, 1, 10) AND model = old.model AND repair_count = old.repair_count;
    DELETE FROM kpi_units_daily WHERE day = substr(old.created_at, 1, 10) AND model = old.model
      AND repair_count = old.repair_count AND units = 0;
END;
-- Most state changes (mounted → inspected) change no count here; those skip the trigger.
CREATE TRIGGER IF NOT EXISTS kpi_units_daily_move AFTER UPDATE OF state, repair_count, created_at, model ON units
WHEN old.repair_count <> new.repair_count OR old.created_at <> new.created_at OR old.model <> new.model
  OR (old.state IN ('tested', 'packed', 'shipped')) <> (new.state IN ('tested', 'packed', 'shipped'))
  OR (old.state = 'scrapped') <> (new.state = 'scrapped') BEGIN
    UPDATE kpi_units_daily SET units = units - 1, good = good - (old.state IN ('tested', 'packed', 'shipped')),
                               scrapped = scrapped - (old.state = 'scrapped')
    WHERE day = substr(old.created_at, 1, 10) AND model = old.model AND repair_count = old.repair_count;
    DELETE FROM kpi_units_daily WHERE day = substr(old.created_at, 1, 10) AND model = old.model
      AND repair_count = old.repair_count AND units = 0;
    INSERT INTO kpi_units_daily VALUES (substr(new.created_at, 1, 10), new.model, new.repair_count, 1,
        new.state IN ('tested', 'packed', 'shipped'), new.state = 'scrapped')
    ON CONFLICT DO UPDATE SET units = units + 1, good = good + excluded.good,
                              scrapped = scrapped + excluded.scrapped;
END;

-- Station work per day, station, operator, step and product: the operators' table.
CREATE TABLE IF NOT EXISTS kpi_operator_daily (
    day         TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    step        TEXT NOT NULL,
    model       TEXT NOT NULL,
    events      INTEGER NOT NULL,
    PRIMARY KEY (day, station_id, operator_id, step, model)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS kpi_operator_daily_add AFTER INSERT ON kpi_hourly BEGIN
    INSERT INTO kpi_operator_daily VALUES (substr(new.hour, 1, 10), new.station_id, new.operator_id, new.step,
        new.model, new.events)
    ON CONFLICT DO UPDATE SET events = events + excluded.events;
END;
-- A day's row stands while any hourly row of it does: its sum can pass through 0 (a void's -1
-- before the replay's +1), so 0 does not mean gone.
CREATE TRIGGER IF NOT EXISTS kpi_operator_daily_drop AFTER DELETE ON kpi_hourly BEGIN
    UPDATE kpi_operator_daily SET events = events - old.events
    WHERE day = substr(old.hour, 1, 10) AND station_id = old.station_id AND operator_id = old.operator_id
      AND step = old.step AND model = old.model;
    DELETE FROM kpi_operator_daily WHERE day = substr(old.hour, 1, 10) AND station_id = old.station_id
      AND operator_id = old.operator_id AND step = old.step AND model = old.model
      AND NOT EXISTS (SELECT 1 FROM kpi_hourly h WHERE h.hour >= substr(old.hour, 1, 10) || 'T00'
                      AND h.hour <= substr(old.hour, 1, 10) || 'T23' AND h.station_id = old.station_id
                      AND h.operator_id = old.operator_id AND h.step = old.step AND h.model = old.model);
END;
-- Recording changes an hour's count only: one UPDATE.
CREATE TRIGGER IF NOT EXISTS kpi_operator_daily_count AFTER UPDATE OF events ON kpi_hourly
WHEN old.hour = new.hour AND old.station_id = new.station_id AND old.operator_id = new.operator_id
  AND old.step = new.step AND old.model = new.model BEGIN
    UPDATE kpi_operator_daily SET events = events + new.events - old.events
    WHERE day = substr(new.hour, 1, 10) AND station_id = new.station_id AND operator_id = new.operator_id
      AND step = new.step AND model = new.model;
END;
-- An hourly row given other keys (never by the program; by hand, say) moves between day rows.
CREATE TRIGGER IF NOT EXISTS kpi_operator_daily_move AFTER UPDATE OF hour, station_id, operator_id, step, model
ON kpi_hourly WHEN old.hour <> new.hour OR old.station_id <> new.station_id OR old.operator_id <> new.operator_id
  OR old.step <> new.step OR old.model <> new.model BEGIN
    UPDATE kpi_operator_daily SET events = events - old.events
    WHERE day = substr(old.hour, 1, 10) AND station_id = old.station_id AND operator_id = old.operator_id
      AND step = old.step AND model = old.model;
    DELETE FROM kpi_operator_daily WHERE day = substr(old.hour, 1, 10) AND station_id = old.station_id
      AND operator_id = old.operator_id AND step = old.step AND model = old.model
      AND NOT EXISTS (SELECT 1 FROM kpi_hourly h WHERE h.hour >= substr(old.hour, 1, 10) || 'T00'
                      AND h.hour <= substr(old.hour, 1, 10) || 'T23' AND h.station_id = old.station_id
                      AND h.operator_id = old.operator_id AND h.step = old.step AND h.model = old.model);
    INSERT INTO kpi_operator_daily VALUES (substr(new.hour, 1, 10), new.station_id, new.operator_id, new.step,
        new.model, new.events)
    ON CONFLICT DO UPDATE SET events = events + excluded.events;
END;

-- Filled from what is already derived (from scratch: a file taken back to an older version by
-- hand, as the upgrade tests do, runs this again).
DELETE FROM kpi_first_daily;
DELETE FROM kpi_units_daily;
DELETE FROM kpi_operator_daily;
INSERT INTO kpi_first_daily
SELECT 'inspect', substr(first_inspect_at, 1, 10), coalesce(first_inspect_station, ''), model, mount_operator,
       count(*), coalesce(sum(first_inspect_pass), 0), 0
FROM kpi_units WHERE first_inspect_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO kpi_first_daily
SELECT 'test', substr(first_test_at, 1, 10), coalesce(first_test_station, ''), model, mount_operator,
       count(*), coalesce(sum(first_test_pass), 0), coalesce(sum(tests > 1), 0)
FROM kpi_units WHERE first_test_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO kpi_units_daily
SELECT substr(created_at, 1, 10), model, repair_count, count(*),
       coalesce(sum(state IN ('tested', 'packed', 'shipped')), 0), coalesce(sum(state = 'scrapped'), 0)
FROM units GROUP BY 1, 2, 3;
INSERT INTO kpi_operator_daily
SELECT substr(hour, 1, 10), station_id, operator_id, step, model, sum(events)
FROM kpi_hourly GROUP BY 1, 2, 3, 4, 5;

-- The defect Pareto and its slices read every defect in the range: from the index alone.
DROP INDEX IF EXISTS kpi_defects_time;
CREATE INDEX kpi_defects_time ON kpi_defects (recorded_at, defect, station_id, operator_id, lot, model);
