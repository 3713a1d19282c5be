# /// verify
# services = ["postgres"]
# ///
"""How a quick ALTER TABLE still blocks every query: the lock queue (site addition)."""

import threading
import time

import psycopg
from services import database_url, pg_connect

setup = pg_connect()
setup.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)")
setup.execute("INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 1000) AS g")


def api_read(label: str) -> None:
    """An API request: a plain SELECT that gives up after 1 s."""
    with pg_connect() as conn:
        conn.execute("SET statement_timeout = '1s'")
        try:
            conn.execute("SELECT count(*) FROM users").fetchone()
            print(f"{label}: served")
        except psycopg.errors.QueryCanceled:
            print(f"{label}: timed out, blocked behind the migration")


def migrate(lock_timeout: str | None) -> None:
    with pg_connect() as conn:
        if lock_timeout:
            conn.execute(f"SET lock_timeout = '{lock_timeout}'")
        try:
            conn.execute("ALTER TABLE users ADD COLUMN status text")
            print("migration: applied")
        except psycopg.errors.LockNotAvailable:
            print("migration: gave up waiting for the lock, will retry later")
        except psycopg.errors.QueryCanceled:
            print("migration: cancelled by the on-call engineer")


def outage(lock_timeout: str | None) -> None:
    # --8<-- [start:scenario]
    import threading
    import time

    import psycopg

    # 1. A long-running transaction (a report, a stuck worker) holds a shared lock on users
    report = psycopg.connect(database_url())
    report.execute("SELECT count(*) FROM users").fetchone()  # transaction stays open
    # 2. The migration needs ACCESS EXCLUSIVE: it queues behind the report
    migration = threading.Thread(target=migrate, args=(lock_timeout,))
    migration.start()
    time.sleep(0.5)
    # 3. Every new read now queues behind the waiting migration
    api_read("API request during the migration")
    report.rollback()  # the report finally ends
    migration.join()
    api_read("API request afterwards")
    # --8<-- [end:scenario]
    report.close()


def mitigation() -> None:
    report = psycopg.connect(database_url())
    report.execute("SELECT count(*) FROM users").fetchone()  # the long transaction again
    migration = threading.Thread(target=migrate, args=(None,))
    migration.start()
    time.sleep(0.5)
    # --8<-- [start:mitigation]
    with pg_connect() as oncall:
        # 1. Which sessions wait for a lock, and which sessions block them?
        waiting = oncall.execute(
            "SELECT pid, query, pg_blocking_pids(pid) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        ).fetchall()
        for pid, query, blockers in waiting:
            print(f"pid {pid} waits for a lock: {query!r}, blocked by pids {blockers}")
        # 2. Cancel the migration's statement: the requests queued behind it proceed
        [migration_pid] = [pid for pid, query, _ in waiting if query.startswith("ALTER TABLE")]
        cancelled = oncall.execute("SELECT pg_cancel_backend(%s)", [migration_pid]).fetchone()[0]
    migration.join()
    print("cancel signal sent:", cancelled)
    api_read("API request after the cancel")
    # --8<-- [end:mitigation]
    report.rollback()
    report.close()


# --8<-- [start:demo]
print("-- without lock_timeout")
outage(lock_timeout=None)
# Output: API request during the migration: timed out, blocked behind the migration
# Output: migration: applied
# Output: API request afterwards: served

setup.execute("ALTER TABLE users DROP COLUMN status")
print("-- with SET lock_timeout = '200ms'")
outage(lock_timeout="200ms")
# Output: migration: gave up waiting for the lock, will retry later
# Output: API request during the migration: served
# Output: API request afterwards: served
# --8<-- [end:demo]

# --8<-- [start:mitigation-run]
print("-- the on-call engineer finds and cancels the migration")
mitigation()
# Output: pid ... waits for a lock: 'ALTER TABLE users ADD COLUMN status text', blocked by pids ...
# Output: migration: cancelled by the on-call engineer
# Output: cancel signal sent: True
# Output: API request after the cancel: served
# --8<-- [end:mitigation-run]
setup.close()
