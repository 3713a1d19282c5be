# /// verify
# services = ["postgres"]
# ///
"""Does ADD COLUMN ... DEFAULT rewrite the table? Compare the table's file before and after."""

from services import pg_connect

conn = pg_connect()
conn.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)")
conn.execute("INSERT INTO users SELECT g, 'user' || g || '@example.com' "
             "FROM generate_series(1, 50000) AS g")

# --8<-- [start:demo]
def table_file() -> int:
    """The table's data file: a rewrite copies every row into a new file."""
    return conn.execute("SELECT relfilenode FROM pg_class WHERE relname = 'users'").fetchone()[0]


version = int(conn.execute("SHOW server_version_num").fetchone()[0])
print("PostgreSQL 11 or later:", version >= 110_000)  # Output: PostgreSQL 11 or later: True

before = table_file()
conn.execute("ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'")
print("constant default rewrote the table:", table_file() != before)
# Output: constant default rewrote the table: False
print(conn.execute("SELECT status FROM users WHERE id = 42").fetchone())  # Output: ('active',)

before = table_file()
conn.execute("ALTER TABLE users ADD COLUMN signup_token uuid DEFAULT gen_random_uuid()")
print("volatile default rewrote the table:", table_file() != before)
# Output: volatile default rewrote the table: True
# --8<-- [end:demo]
conn.close()
