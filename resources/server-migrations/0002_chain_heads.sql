-- Each push anchors the station's hash chain: the hash of its newest pushed event. A station
-- whose log was rewritten afterwards no longer matches what the server holds.
CREATE TABLE chain_heads (
    origin      text NOT NULL,
    origin_seq  bigint NOT NULL,
    hash        text NOT NULL,
    anchored_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (origin, origin_seq)
);
CREATE TRIGGER chain_heads_append_only BEFORE UPDATE OR DELETE ON chain_heads
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
