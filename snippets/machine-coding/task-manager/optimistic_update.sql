-- The table SQLAlchemy creates for the Task model, and the conditional UPDATE behind the endpoint.
CREATE TABLE tasks (
    id      SERIAL PRIMARY KEY,
    title   VARCHAR(255) NOT NULL,
    status  VARCHAR(50),
    version INTEGER NOT NULL
);
INSERT INTO tasks (title, status, version) VALUES ('Write report', 'PENDING', 1);

-- --8<-- [start:demo]
-- Two writers both read version 1. The first conditional update matches and bumps the version:
UPDATE tasks SET status = 'COMPLETED', version = version + 1
WHERE id = 1 AND version = 1
RETURNING id, status, version;
-- Output: 1 ... | COMPLETED | 2
-- Output: (1 row)

-- The second writer's update still says "version = 1": it matches no row (0 rows -> HTTP 409).
UPDATE tasks SET status = 'COMPLETED', version = version + 1
WHERE id = 1 AND version = 1
RETURNING id, status, version;
-- Output: (0 rows)
-- --8<-- [end:demo]
