-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 200,000 rows (the handbook's table has 50 million; the shape of the plans is the same)
CREATE TABLE records (id bigint PRIMARY KEY, payload text NOT NULL);
INSERT INTO records SELECT g, md5(g::text) FROM generate_series(1, 200000) AS g;
ANALYZE records;

-- time_query(sql, n): run a statement n times inside the server, return its fastest run
-- (the minimum ignores the runs a busy machine preempted)
CREATE FUNCTION time_query(query text, repeat int DEFAULT 10) RETURNS interval
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz;
    fastest interval;
BEGIN
    FOR i IN 1..repeat LOOP
        started := clock_timestamp();
        EXECUTE query;
        fastest := least(fastest, clock_timestamp() - started);
    END LOOP;
    RETURN fastest;
END
$$;

-- --8<-- [start:keyset]
-- Keyset (cursor) pagination: the client sends back the last id it saw as :last_seen_id
PREPARE next_page(bigint) AS
SELECT * FROM records WHERE id > $1 ORDER BY id ASC LIMIT 50;
-- --8<-- [end:keyset]

-- --8<-- [start:evidence]
-- OFFSET: the index is walked from the start; 150,050 rows are read to return 50
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM records ORDER BY id LIMIT 50 OFFSET 150000;
-- Output (PostgreSQL 18+): Limit (actual rows=50.00 loops=1)
-- Output (PostgreSQL 13-17): Limit (actual rows=50 loops=1)
-- Output (PostgreSQL 18+):   ->  Index Scan using records_pkey on records (actual rows=150050.00 loops=1)
-- Output (PostgreSQL 13-17):   ->  Index Scan using records_pkey on records (actual rows=150050 loops=1)

-- Keyset: the B-Tree descends straight to id 150000; 50 rows are read to return 50
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
EXECUTE next_page(150000);
-- Output (PostgreSQL 18+): Limit (actual rows=50.00 loops=1)
-- Output (PostgreSQL 13-17): Limit (actual rows=50 loops=1)
-- Output (PostgreSQL 18+):   ->  Index Scan using records_pkey on records (actual rows=50.00 loops=1)
-- Output (PostgreSQL 13-17):   ->  Index Scan using records_pkey on records (actual rows=50 loops=1)
-- Output:         Index Cond: (id > '150000'::bigint)

-- The same page, fetched 10 times each way, timed inside the server (fastest run of each)
SELECT time_query('SELECT * FROM records ORDER BY id LIMIT 50 OFFSET 150000')
     > 20 * time_query('SELECT * FROM records WHERE id > 150000 ORDER BY id LIMIT 50')
       AS keyset_at_least_20x_faster;
-- Output: keyset_at_least_20x_faster
-- Output: True
-- --8<-- [end:evidence]

-- Hidden setup: nine events, several sharing a created_at (bulk imports, coarse clocks)
CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
INSERT INTO events
SELECT g, timestamptz '2024-01-01 00:00+00' + (g / 3) * interval '1 minute'
FROM generate_series(1, 9) AS g;
SET TimeZone = 'UTC';

-- --8<-- [start:ties]
-- Page 1 of 4 ends at event 4, inside the group of three events at 00:01
SELECT id, created_at FROM events ORDER BY created_at, id LIMIT 4;
-- Output: 4  | 2024-01-01 00:01:00+00:00

-- Cursor on created_at alone: "after 00:01" skips event 5 for good
SELECT string_agg(id::text, ', ') AS page_2_created_at_cursor FROM (
    SELECT id FROM events WHERE created_at > '2024-01-01 00:01+00'
    ORDER BY created_at, id LIMIT 4
) AS page;
-- Output: 6, 7, 8, 9

-- Cursor on (created_at, id): a row comparison resumes exactly after event 4
CREATE INDEX idx_events_created_id ON events (created_at, id);
SELECT string_agg(id::text, ', ') AS page_2_row_cursor FROM (
    SELECT id FROM events WHERE (created_at, id) > ('2024-01-01 00:01+00', 4)
    ORDER BY created_at, id LIMIT 4
) AS page;
-- Output: 5, 6, 7, 8
-- --8<-- [end:ties]
