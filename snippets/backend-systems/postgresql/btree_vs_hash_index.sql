-- /// verify
-- services = ["postgres"]
-- ///
-- Hidden setup: 100,000 orders with a unique reference code
CREATE TABLE orders (id bigint PRIMARY KEY, reference text NOT NULL, total_cents int NOT NULL);
INSERT INTO orders SELECT g, 'ORD-' || lpad(g::text, 6, '0'), g % 9973 FROM generate_series(1, 100000) AS g;

-- --8<-- [start:demo]
CREATE INDEX idx_orders_reference_hash ON orders USING HASH (reference);
ANALYZE orders;

-- Equality: the hash index answers it
EXPLAIN (COSTS OFF) SELECT * FROM orders WHERE reference = 'ORD-004242';
-- Output: Index Scan using idx_orders_reference_hash on orders
-- Output:   Index Cond: (reference = 'ORD-004242'::text)

-- Range and ORDER BY: a hash has no order, so the planner cannot use it
EXPLAIN (COSTS OFF)
SELECT * FROM orders WHERE reference >= 'ORD-099990' ORDER BY reference LIMIT 5;
-- Output: Limit
-- Output:   ->  Sort
-- Output:         ->  Seq Scan on orders

CREATE INDEX idx_orders_reference_btree ON orders (reference);

-- A B-Tree serves the range *and* returns rows already sorted: no Sort node
EXPLAIN (COSTS OFF)
SELECT * FROM orders WHERE reference >= 'ORD-099990' ORDER BY reference LIMIT 5;
-- Output: Limit
-- Output:   ->  Index Scan using idx_orders_reference_btree on orders
-- Output:         Index Cond: (reference >= 'ORD-099990'::text)
-- --8<-- [end:demo]
