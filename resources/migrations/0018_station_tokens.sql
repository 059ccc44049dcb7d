-- Station tokens (issue #17): test rigs and scripts record without an operator's PIN, as the
-- pseudo-operator TOKEN:<id>, only the steps named here and only at this station. The secret is
-- shown once; only its argon2id hash (crypto_pwhash_str, as PINs) is kept. Revoked tokens stay,
-- so that the events recorded under them still name a known token.
CREATE TABLE station_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    station    TEXT NOT NULL,
    steps      TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

INSERT INTO permissions (role, action) VALUES ('admin', 'tokens.manage');
