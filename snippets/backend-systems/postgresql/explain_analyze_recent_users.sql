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
