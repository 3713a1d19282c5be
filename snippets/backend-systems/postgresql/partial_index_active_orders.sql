-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 200,000 orders for 5,000 users; 90% of them soft-deleted
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id int NOT NULL,
    status text NOT NULL,
    total_cents int NOT NULL
);
INSERT INTO orders
SELECT g, g % 5000, CASE WHEN g % 10 = 0 THEN 'ACTIVE' ELSE 'DELETED' END, g % 9973
FROM generate_series(1, 200000) AS g;

-- --8<-- [start:demo]
-- Creates an index targeting active records only saving disk space and memory cache
CREATE INDEX idx_active_orders ON orders (user_id) WHERE status != 'DELETED';
ANALYZE orders;

-- The query repeats the index predicate, so the planner may use the partial index
EXPLAIN (COSTS OFF) SELECT * FROM orders WHERE user_id = 42 AND status != 'DELETED';
-- Output: ...Bitmap Index Scan on idx_active_orders
-- Output: ...Index Cond: (user_id = 42)

-- Without the predicate the partial index cannot answer: it lacks the deleted rows
EXPLAIN (COSTS OFF) SELECT * FROM orders WHERE user_id = 42;
-- Output: Seq Scan on orders
-- --8<-- [end:demo]

-- --8<-- [start:size]
-- The space saving, against a full index on the same column
CREATE INDEX idx_all_orders_user ON orders (user_id);
SELECT pg_size_pretty(pg_relation_size('idx_all_orders_user')) AS full_index,
       pg_size_pretty(pg_relation_size('idx_active_orders')) AS partial_index,
       pg_relation_size('idx_all_orders_user') / pg_relation_size('idx_active_orders') >= 5
           AS at_least_5x_smaller;
-- Output: ... kB ...| ... kB ...| True
-- --8<-- [end:size]
