-- /// verify
-- services = ["postgres"]
-- ///
SET TimeZone = 'UTC';
-- Hidden setup: 200,000 orders, four statuses, one order every 5 minutes from 2023-01-01
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id int NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL
);
INSERT INTO orders
SELECT g, g % 5000, (ARRAY['ACTIVE', 'PENDING', 'SHIPPED', 'CLOSED'])[g % 4 + 1],
       timestamptz '2023-01-01 00:00+00' + g * interval '5 minutes'
FROM generate_series(1, 200000) AS g;

-- index_pages_read(sql): index pages the Bitmap Index Scan of the query's plan touched
CREATE FUNCTION index_pages_read(query text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ' || query INTO plan;
    RETURN (
        SELECT sum((node ->> 'Shared Hit Blocks')::int + (node ->> 'Shared Read Blocks')::int)
        FROM jsonb_path_query(plan, 'strict $.**') AS node
        WHERE jsonb_typeof(node) = 'object' AND node ->> 'Node Type' = 'Bitmap Index Scan'
    );
END
$$;

-- --8<-- [start:prefix]
-- Equality column first, range column second
CREATE INDEX idx_orders_status_created ON orders (status, created_at);
ANALYZE orders;

-- Both columns become index conditions
EXPLAIN (COSTS OFF)
SELECT * FROM orders WHERE status = 'ACTIVE' AND created_at > '2024-11-01';
-- Output: ...Bitmap Index Scan on idx_orders_status_created
-- Output: ...Index Cond: ((status = 'ACTIVE'::text) AND (created_at > '2024-11-01 00:00:00+00'::timestamp with time zone))

-- The leftmost column alone is a usable prefix (and the index even returns created_at order)
EXPLAIN (COSTS OFF)
SELECT * FROM orders WHERE status = 'ACTIVE' ORDER BY created_at DESC LIMIT 20;
-- Output:   ->  Index Scan Backward using idx_orders_status_created on orders
-- Output:         Index Cond: (status = 'ACTIVE'::text)

-- Without the leftmost column there is no prefix to descend: before PostgreSQL 18, a full
-- sequential scan; PostgreSQL 18's B-tree skip scan visits the index once per status instead
EXPLAIN (COSTS OFF)
SELECT * FROM orders WHERE created_at > '2024-11-01';
-- Output (PostgreSQL 13-17): Seq Scan on orders
-- Output (PostgreSQL 13-17):   Filter: (created_at > '2024-11-01 00:00:00+00'::timestamp with time zone)
-- Output (PostgreSQL 18+): Bitmap Heap Scan on orders
-- Output (PostgreSQL 18+):   ->  Bitmap Index Scan on idx_orders_status_created
-- Output (PostgreSQL 18+):         Index Cond: (created_at > '2024-11-01 00:00:00+00'::timestamp with time zone)

-- PostgreSQL 18 counts the descents: one search per distinct status (plus the final probe)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF)
SELECT * FROM orders WHERE created_at > '2024-11-01';
-- Output (PostgreSQL 13-17): Seq Scan on orders (actual rows=7040 loops=1)
-- Output (PostgreSQL 18+):   ->  Bitmap Index Scan on idx_orders_status_created (actual rows=7040.00 loops=1)
-- Output (PostgreSQL 18+):         Index Searches: 5
-- --8<-- [end:prefix]

-- --8<-- [start:order]
-- Same query, each column order: how many index pages does the scan touch?
CREATE TEMP TABLE pages_read (index_columns text, index_pages int);
INSERT INTO pages_read
SELECT '(status, created_at)',
       index_pages_read($q$SELECT * FROM orders WHERE status = 'ACTIVE' AND created_at > '2024-11-01'$q$);

DROP INDEX idx_orders_status_created;
CREATE INDEX idx_orders_created_status ON orders (created_at, status);
ANALYZE orders;
INSERT INTO pages_read
SELECT '(created_at, status)',
       index_pages_read($q$SELECT * FROM orders WHERE status = 'ACTIVE' AND created_at > '2024-11-01'$q$);

SELECT * FROM pages_read;
-- Output: (status, created_at) | ...
-- Output: (created_at, status) | ...
SELECT min(index_pages) FILTER (WHERE index_columns = '(status, created_at)') * 2
     < min(index_pages) FILTER (WHERE index_columns = '(created_at, status)')
       AS equality_first_reads_under_half_the_pages
FROM pages_read;
-- Output: True
-- --8<-- [end:order]
