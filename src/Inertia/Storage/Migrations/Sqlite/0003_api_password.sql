-- The API password apps sign in with (Google Reader and Fever), separate from the account password.
-- api_password_hash: PBKDF2 like the account password. fever_key: md5 hex of "name:apipassword", which the
-- Fever protocol sends as its only credential and so cannot be derived from a slow hash (FreshRSS keeps
-- the same). Both are NULL until the user sets an API password.
ALTER TABLE users ADD COLUMN api_password_hash TEXT;
ALTER TABLE users ADD COLUMN fever_key TEXT;
CREATE UNIQUE INDEX users_fever_key ON users (fever_key) WHERE fever_key IS NOT NULL;
