-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 200,000 rows; parallel workers off so the plan has one deterministic shape
CREATE TABLE records (id bigint PRIMARY KEY, payload text NOT NULL);
INSERT INTO records SELECT g, md5(g::text) FROM generate_series(1, 200000) AS g;
ANALYZE records;
SET max_parallel_workers_per_gather = 0;

-- --8<-- [start:demo]
-- An exact count visits every row version to check whether this snapshot can see it
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM records;
-- Output (PostgreSQL 18+): Aggregate (actual rows=1.00 loops=1)
-- Output (PostgreSQL 13-17): Aggregate (actual rows=1 loops=1)
-- Output (PostgreSQL 18+):   ->  ...Scan ... (actual rows=200000.00 loops=1)
-- Output (PostgreSQL 13-17):   ->  ...Scan ... (actual rows=200000 loops=1)

-- When "about how many" is enough (dashboards, page counts): the planner's statistics
SELECT reltuples::bigint AS estimated_rows,
       abs(reltuples - 200000) < 2000 AS within_one_percent
FROM pg_class WHERE relname = 'records';
-- Output: ... | True
-- --8<-- [end:demo]
