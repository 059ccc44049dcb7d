-- The central PostgreSQL schema: every station's events, the stations' watermarks, conflicts
-- found between stations, and the reference data stations pull.

CREATE TABLE events (
    server_seq  bigserial PRIMARY KEY,
    id          text NOT NULL UNIQUE,          -- the station's UUIDv7: a resend is ignored
    origin      text NOT NULL,                 -- the station database that pushed it
    origin_seq  bigint NOT NULL,
    recorded_at text NOT NULL,
    station_id  text NOT NULL,
    operator_id text NOT NULL,
    step        text NOT NULL,
    subject     text NOT NULL,
    payload     jsonb NOT NULL,
    subjects    jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_origin ON events (origin, server_seq);
CREATE INDEX events_mount_die ON events ((payload ->> 'die')) WHERE step = 'mount';

-- Stations insert events; nobody changes or removes them.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- Per station database: the highest local seq the server holds, and when it last pushed.
CREATE TABLE origins (
    origin       text PRIMARY KEY,
    last_seq     bigint NOT NULL,
    last_push_at timestamptz NOT NULL
);

-- Conflicts between stations, e.g. one die mounted at two stations while both were offline.
-- Both events stay; this row says so.
CREATE TABLE anomalies (
    id        bigserial PRIMARY KEY,
    kind      text NOT NULL,
    subject   text NOT NULL,
    detail    text NOT NULL,
    event_ids text NOT NULL UNIQUE,
    found_at  timestamptz NOT NULL DEFAULT now()
);

-- Reference data, kept here and pulled by every station.
CREATE TABLE operators (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    role       text NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
    pin_hash   text NOT NULL,
    active     integer NOT NULL DEFAULT 1,
    created_at text NOT NULL
);
CREATE TABLE products (
    model        text PRIMARY KEY,
    name         text NOT NULL,
    device_id    text,
    die_marking  text,
    memory_mib   integer NOT NULL,
    memory_chips integer NOT NULL,
    msl          text
);
CREATE TABLE serial_formats (
    kind    text NOT NULL,
    model   text NOT NULL DEFAULT '',
    pattern text NOT NULL,
    PRIMARY KEY (kind, model)
);
CREATE TABLE limits (
    name      text NOT NULL,
    model     text NOT NULL DEFAULT '',
    min_value double precision,
    max_value double precision,
    PRIMARY KEY (name, model)
);
CREATE TABLE defect_codes (
    code        text PRIMARY KEY,
    step        text NOT NULL,
    description text NOT NULL
);
CREATE TABLE config (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE label_templates (
    name text PRIMARY KEY,
    body text NOT NULL
);

CREATE INDEX events_test_gpu ON events ((payload ->> 'gpu_uuid')) WHERE step = 'test';
