-- Users the fan-out reads; the application runs this file at start-up (it is idempotent).
CREATE TABLE IF NOT EXISTS users (
    id        SERIAL PRIMARY KEY,
    email     TEXT NOT NULL UNIQUE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);
-- the fan-out scans active users in id order: a partial index serves exactly that scan
CREATE INDEX IF NOT EXISTS users_active_id ON users (id) WHERE is_active;
-- end of schema: the sample data below is for the build's check, not for the application

-- --8<-- [start:demo]
INSERT INTO users (email, is_active)
SELECT 'user' || n || '@example.com', n % 10 <> 0  -- every tenth account is deactivated
FROM generate_series(1, 25) AS n;

-- what fetch_active_user_ids() streams, chunk by chunk, through a server-side cursor
SELECT count(*) AS active_users, min(id), max(id) FROM users WHERE is_active;
-- Output: 23 ... | 1 ... | 25
-- --8<-- [end:demo]
