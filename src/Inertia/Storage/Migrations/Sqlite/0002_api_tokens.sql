-- Per-user API tokens for the Miniflux-compatible REST API (docs/api.md). Only a SHA-256 hash of each token
-- is kept: a token is 256 random bits, so a fast hash is enough, and one look-up by hash finds its user.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    description  TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
