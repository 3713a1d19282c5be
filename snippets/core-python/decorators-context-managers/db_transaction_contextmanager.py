# /// verify
# services = ["postgres"]
# ///
"""A transaction context manager built with @contextlib.contextmanager, on real PostgreSQL."""

from services import pg_connect

# Hidden setup: the connection is in autocommit mode, so the explicit BEGIN / COMMIT / ROLLBACK
# below are the only transaction control (psycopg would otherwise open a transaction itself).
db_connection = pg_connect(autocommit=True)
db_connection.execute("CREATE TABLE payments (id int PRIMARY KEY, amount int NOT NULL)")

# --8<-- [start:demo]
from contextlib import contextmanager


@contextmanager
def acquire_db_transaction(db_connection):
    cursor = db_connection.cursor()
    cursor.execute("BEGIN")
    try:
        yield cursor
        cursor.execute("COMMIT")
    except BaseException:  # not just Exception: Ctrl-C, SystemExit, task cancellation
        cursor.execute("ROLLBACK")
        raise
    finally:
        cursor.close()


# --8<-- [end:demo]


# --8<-- [start:usage]
def count_payments() -> int:
    return db_connection.execute("SELECT count(*) FROM payments").fetchone()[0]


with acquire_db_transaction(db_connection) as cursor:
    cursor.execute("INSERT INTO payments VALUES (1, 100)")
    cursor.execute("INSERT INTO payments VALUES (2, 250)")
print(f"after commit: {count_payments()} rows")  # Output: after commit: 2 rows

try:
    with acquire_db_transaction(db_connection) as cursor:
        cursor.execute("INSERT INTO payments VALUES (3, 75)")
        raise RuntimeError("card declined")  # fails after one insert
except RuntimeError as exc:
    print(f"error re-raised: {exc}")  # Output: error re-raised: card declined
print(f"after rollback: {count_payments()} rows")  # Output: after rollback: 2 rows
print(f"cursor closed: {cursor.closed}")  # Output: cursor closed: True

try:
    with acquire_db_transaction(db_connection) as cursor:
        cursor.execute("INSERT INTO payments VALUES (4, 30)")
        raise KeyboardInterrupt  # a BaseException, like SystemExit and asyncio.CancelledError
except KeyboardInterrupt:
    print("interrupted")  # Output: interrupted
print(f"connection state: {db_connection.info.transaction_status.name}")
# Output: connection state: IDLE
print(f"after interrupt: {count_payments()} rows")  # Output: after interrupt: 2 rows
# --8<-- [end:usage]


# --8<-- [start:as_printed]
from contextlib import contextmanager


@contextmanager
def acquire_db_transaction_as_printed(db_connection):  # the handbook's version
    cursor = db_connection.cursor()
    cursor.execute("BEGIN")
    try:
        yield cursor
        cursor.execute("COMMIT")
    except Exception as e:  # KeyboardInterrupt, SystemExit, CancelledError skip this
        cursor.execute("ROLLBACK")
        raise e
    finally:
        cursor.close()


try:
    with acquire_db_transaction_as_printed(db_connection) as cursor:
        cursor.execute("INSERT INTO payments VALUES (4, 30)")
        raise KeyboardInterrupt
except KeyboardInterrupt:
    print("interrupted")  # Output: interrupted
# The cursor was closed, but the transaction is still open on the connection
print(f"connection state: {db_connection.info.transaction_status.name}")
# Output: connection state: INTRANS

# The next user of this (pooled) connection commits the interrupted insert along with its own
with acquire_db_transaction_as_printed(db_connection) as cursor:
    cursor.execute("INSERT INTO payments VALUES (5, 60)")
print(f"after the next request: {count_payments()} rows")  # Output: after the next request: 4 rows
# --8<-- [end:as_printed]
db_connection.close()
