# /// verify
# services = ["postgres"]
# ///
from services import database_url

DATABASE_URL = database_url()

# --8<-- [start:demo]
import psycopg
from psycopg import IsolationLevel

writer = psycopg.connect(DATABASE_URL, autocommit=True)
writer.execute(
    "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)"
    " WITH (autovacuum_enabled = off)"  # so the cleanup below happens when we say so
)
writer.execute("INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10000) AS g")

ROW = "SELECT ctid, xmin::text::bigint, balance FROM accounts WHERE id = 1"
old_ctid, _, balance = writer.execute(ROW).fetchone()
print(f"before update: ctid={old_ctid} balance={balance}")
# Output: before update: ctid=(0,1) balance=100

# A reader whose snapshot predates the update...
reader = psycopg.connect(DATABASE_URL)
reader.isolation_level = IsolationLevel.REPEATABLE_READ
reader.execute("SELECT 1")

# ...does not block the writer, and the writer does not block it
with writer.transaction():
    writer.execute("UPDATE accounts SET balance = 250 WHERE id = 1")
    updater_xid = writer.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()[0]
ctid, xmin, balance = writer.execute(ROW).fetchone()
print(f"after update:  ctid={ctid} balance={balance}")
# Output: after update:  ctid=(...) balance=250
print("written to a new physical slot, not overwritten:", ctid != old_ctid)
# Output: written to a new physical slot, not overwritten: True
print("new version stamped with the updater's xid (xmin):", xmin == updater_xid)
# Output: new version stamped with the updater's xid (xmin): True
print("old reader still sees balance", reader.execute(ROW).fetchone()[2])
# Output: old reader still sees balance 100
reader.close()

# Update every row: each UPDATE writes a new version and leaves a dead one behind
size_before = writer.execute("SELECT pg_relation_size('accounts')").fetchone()[0]
writer.execute("UPDATE accounts SET balance = balance + 1")
writer.execute("SELECT pg_stat_force_next_flush()")
dead = writer.execute(
    "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'accounts'"
).fetchone()[0]
size_after = writer.execute("SELECT pg_relation_size('accounts')").fetchone()[0]
print("dead tuples:", dead)  # Output: dead tuples: 10001
print("table at least 1.8x larger:", size_after / size_before >= 1.8)
# Output: table at least 1.8x larger: True

# VACUUM (what autovacuum runs) marks dead tuples reusable; the file does not shrink
writer.execute("VACUUM accounts")
writer.execute("SELECT pg_stat_force_next_flush()")
dead = writer.execute(
    "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'accounts'"
).fetchone()[0]
print("dead tuples after VACUUM:", dead)  # Output: dead tuples after VACUUM: 0
print("size unchanged after VACUUM:", writer.execute(
    "SELECT pg_relation_size('accounts')").fetchone()[0] == size_after)
# Output: size unchanged after VACUUM: True
writer.close()
# --8<-- [end:demo]
