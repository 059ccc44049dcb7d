-- Factories whose clock is not a whole number of hours from UTC (India +05:30, Nepal +05:45,
-- Newfoundland -03:30) start their shifts and their clock hours inside a UTC hour. Each hourly
-- counter now also counts its events in the hour's first 15, 30 and 45 minutes, so that a report
-- can cut every UTC hour where the factory's hours begin and count each shift and each clock
-- hour exactly. Every offset in use is a multiple of 15 minutes.
ALTER TABLE kpi_hourly ADD COLUMN events_q15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_hourly ADD COLUMN events_q30 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_hourly ADD COLUMN events_q45 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_station_hourly ADD COLUMN events_q15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_station_hourly ADD COLUMN events_q30 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_station_hourly ADD COLUMN events_q45 INTEGER NOT NULL DEFAULT 0;
-- A card's counters sit in the quarter of its intake.
ALTER TABLE kpi_cards ADD COLUMN received_q15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_cards ADD COLUMN received_q30 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_cards ADD COLUMN received_q45 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_cards ADD COLUMN scrapped_q15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_cards ADD COLUMN scrapped_q30 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpi_cards ADD COLUMN scrapped_q45 INTEGER NOT NULL DEFAULT 0;

-- Filled in one pass over the log, counting what the projector counts: every event but voids
-- and voided ones, under its card's model ('' for an event with no card).
CREATE TEMP TABLE quarter_counts AS
SELECT substr(e.recorded_at, 1, 13) AS hour, e.station_id, e.operator_id, e.step, coalesce(c.model, '') AS model,
       sum(substr(e.recorded_at, 15, 2) < '15') AS q15, sum(substr(e.recorded_at, 15, 2) < '30') AS q30,
       sum(substr(e.recorded_at, 15, 2) < '45') AS q45
FROM events e
LEFT JOIN event_subjects s ON s.event_seq = e.seq AND s.kind = 'card'
LEFT JOIN cards c ON c.serial = s.serial
WHERE e.step <> 'void' AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)
GROUP BY 1, 2, 3, 4, 5;
UPDATE kpi_hourly SET events_q15 = q.q15, events_q30 = q.q30, events_q45 = q.q45
FROM quarter_counts q
WHERE q.hour = kpi_hourly.hour AND q.station_id = kpi_hourly.station_id
  AND q.operator_id = kpi_hourly.operator_id AND q.step = kpi_hourly.step AND q.model = kpi_hourly.model;
UPDATE kpi_station_hourly SET events_q15 = q.q15, events_q30 = q.q30, events_q45 = q.q45
FROM (SELECT hour, station_id, step, model, sum(q15) AS q15, sum(q30) AS q30, sum(q45) AS q45
      FROM quarter_counts GROUP BY 1, 2, 3, 4) q
WHERE q.hour = kpi_station_hourly.hour AND q.station_id = kpi_station_hourly.station_id
  AND q.step = kpi_station_hourly.step AND q.model = kpi_station_hourly.model;
DROP TABLE quarter_counts;
-- Cards, as migration 0006 counted them: by the quarter of their intake.
UPDATE kpi_cards SET received_q15 = q.r15, received_q30 = q.r30, received_q45 = q.r45,
                     scrapped_q15 = q.s15, scrapped_q30 = q.s30, scrapped_q45 = q.s45
FROM (SELECT substr(c.received_at, 1, 13) AS hour, c.model,
             sum(substr(c.received_at, 15, 2) < '15') AS r15, sum(substr(c.received_at, 15, 2) < '30') AS r30,
             sum(substr(c.received_at, 15, 2) < '45') AS r45,
             coalesce(sum((c.state = 'scrapped' OR d.state = 'scrapped' OR u.state = 'scrapped')
                          AND substr(c.received_at, 15, 2) < '15'), 0) AS s15,
             coalesce(sum((c.state = 'scrapped' OR d.state = 'scrapped' OR u.state = 'scrapped')
                          AND substr(c.received_at, 15, 2) < '30'), 0) AS s30,
             coalesce(sum((c.state = 'scrapped' OR d.state = 'scrapped' OR u.state = 'scrapped')
                          AND substr(c.received_at, 15, 2) < '45'), 0) AS s45
      FROM cards c LEFT JOIN dies d ON d.card_serial = c.serial LEFT JOIN units u ON u.die_id = d.id
      GROUP BY 1, 2) q
WHERE q.hour = kpi_cards.hour AND q.model = kpi_cards.model;
