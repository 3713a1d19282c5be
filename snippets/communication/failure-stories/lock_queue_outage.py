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


def outage(lock_timeout: str | None) -> None:
    # --8<-- [start:scenario]
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
setup.close()
