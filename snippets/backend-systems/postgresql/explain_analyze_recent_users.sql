-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 200,000 users, one sign-up every 5 minutes over the last ~2 years
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL
);
INSERT INTO users
SELECT g, 'user' || g || '@example.com', now() - g * interval '5 minutes'
FROM generate_series(1, 200000) AS g;
ANALYZE users;

-- --8<-- [start:demo]
-- Analyzing query execution performance bottlenecks
EXPLAIN ANALYZE
SELECT * FROM users WHERE created_at > NOW() - INTERVAL '7 days';
-- --8<-- [end:demo]
-- Output: ...Seq Scan on users  (cost=... rows=... width=...) (actual time=... rows=... loops=...)
-- Output: ...Filter: (created_at > (now() - '7 days'::interval))
-- Output: ...Rows Removed by Filter: ...
-- Output (PostgreSQL 18+): ...Buffers: shared ...
-- Output: Execution Time: ... ms

-- --8<-- [start:indexed]
CREATE INDEX idx_users_created_at ON users (created_at);
ANALYZE users;

EXPLAIN ANALYZE
SELECT * FROM users WHERE created_at > NOW() - INTERVAL '7 days';
-- Output (PostgreSQL 18+): Index Scan using idx_users_created_at on users  (cost=... rows=... width=...) (actual time=... rows=2015.00 loops=1)
-- Output (PostgreSQL 13-17): Index Scan using idx_users_created_at on users  (cost=... rows=... width=...) (actual time=... rows=2015 loops=1)
-- Output:   Index Cond: (created_at > (now() - '7 days'::interval))
-- Output: Execution Time: ... ms
-- --8<-- [end:indexed]

-- --8<-- [start:writes]
-- EXPLAIN ANALYZE runs the statement for real: try a write inside a transaction you roll back
BEGIN;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
DELETE FROM users WHERE id > 100000;
SELECT count(*) AS users_inside_the_transaction FROM users;
ROLLBACK;
SELECT count(*) AS users_after_rollback FROM users;
-- Output (PostgreSQL 18+): Delete on users (actual rows=0.00 loops=1)
-- Output (PostgreSQL 13-17): Delete on users (actual rows=0 loops=1)
-- Output: users_inside_the_transaction
-- Output: 100000
-- Output: users_after_rollback
-- Output: 200000
-- --8<-- [end:writes]
