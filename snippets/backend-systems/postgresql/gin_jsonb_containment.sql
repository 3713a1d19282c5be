-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 100,000 users with schemaless metadata; 1 in 200 is an admin
CREATE TABLE users (id bigint PRIMARY KEY, metadata jsonb NOT NULL);
INSERT INTO users
SELECT g, jsonb_build_object(
           'role', CASE WHEN g % 200 = 0 THEN 'admin' ELSE 'user' END,
           'plan', (ARRAY['free', 'pro', 'team'])[g % 3 + 1],
           'prefs', jsonb_build_object('theme', CASE WHEN g % 2 = 0 THEN 'dark' ELSE 'light' END))
FROM generate_series(1, 100000) AS g;
ANALYZE users;

-- Before the index: every document is read and tested
EXPLAIN (COSTS OFF) SELECT * FROM users WHERE metadata @> '{"role": "admin"}';
-- Output: Seq Scan on users
-- Output:   Filter: (metadata @> '{"role": "admin"}'::jsonb)

-- --8<-- [start:demo]
-- Creating an optimized JSONB containment index
CREATE INDEX idx_users_metadata ON users USING GIN (metadata);

-- Query execution utilizes index paths directly to locate nested attributes
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM users WHERE metadata @> '{"role": "admin"}';
-- Output (PostgreSQL 18+): Bitmap Heap Scan on users (actual rows=500.00 loops=1)
-- Output (PostgreSQL 13-17): Bitmap Heap Scan on users (actual rows=500 loops=1)
-- Output (PostgreSQL 18+):   ->  Bitmap Index Scan on idx_users_metadata (actual rows=500.00 loops=1)
-- Output (PostgreSQL 13-17):   ->  Bitmap Index Scan on idx_users_metadata (actual rows=500 loops=1)
-- Output:         Index Cond: (metadata @> '{"role": "admin"}'::jsonb)

-- Nested keys too: the GIN index holds every key and value path of every document
EXPLAIN (COSTS OFF)
SELECT * FROM users WHERE metadata @> '{"role": "admin", "prefs": {"theme": "dark"}}';
-- Output:   ->  Bitmap Index Scan on idx_users_metadata
-- --8<-- [end:demo]
