# /// verify
# services = ["postgres"]
# ///
from services import database_url, pg_connect

DATABASE_URL = database_url()
with pg_connect() as admin:
    admin.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)")
    admin.execute("CREATE TABLE doctors (name text PRIMARY KEY, on_call bool NOT NULL)")


def reset() -> None:
    with pg_connect() as admin:
        admin.execute("TRUNCATE accounts, doctors")
        admin.execute("INSERT INTO accounts VALUES (1, 100)")
        admin.execute("INSERT INTO doctors VALUES ('alice', true), ('bob', true)")


# --8<-- [start:reads]
import psycopg
from psycopg import IsolationLevel

BALANCE = "SELECT balance FROM accounts WHERE id = 1"


def connect(level: IsolationLevel | None = None) -> psycopg.Connection:
    conn = psycopg.connect(DATABASE_URL, autocommit=level is None)
    if level is not None:
        conn.isolation_level = level
    return conn


def read_twice(level: IsolationLevel) -> None:
    reset()
    with (
        connect(level) as reader,
        connect() as writer,
    ):
        first = reader.execute(BALANCE).fetchone()[0]  # the reader's transaction begins
        writer.execute("UPDATE accounts SET balance = 70 WHERE id = 1")  # committed at once
        second = reader.execute(BALANCE).fetchone()[0]  # same query, same transaction
        print(f"{level.name:<15} first read {first}, second read {second}")


with connect() as conn:
    print("default:", conn.execute("SHOW transaction_isolation").fetchone()[0])
# Output: default: read committed
read_twice(IsolationLevel.READ_COMMITTED)
# Output: READ_COMMITTED  first read 100, second read 70
read_twice(IsolationLevel.REPEATABLE_READ)
# Output: REPEATABLE_READ first read 100, second read 100
# --8<-- [end:reads]

# --8<-- [start:conflicts]
import psycopg
from psycopg import IsolationLevel


def update_after_concurrent_commit(level: IsolationLevel) -> None:
    reset()
    with (
        connect(level) as mine,
        connect() as other,
    ):
        mine.execute(BALANCE)  # my snapshot is taken here
        other.execute("UPDATE accounts SET balance = balance - 30 WHERE id = 1")
        try:
            mine.execute("UPDATE accounts SET balance = balance - 10 WHERE id = 1")
            mine.commit()
            print(f"{level.name:<15} committed, balance {other.execute(BALANCE).fetchone()[0]}")
        except psycopg.errors.SerializationFailure as exc:
            print(f"{level.name:<15} aborted: {exc.diag.message_primary}")


update_after_concurrent_commit(IsolationLevel.READ_COMMITTED)
# Output: READ_COMMITTED  committed, balance 60
update_after_concurrent_commit(IsolationLevel.REPEATABLE_READ)
# Output: REPEATABLE_READ aborted: could not serialize access due to concurrent update


def go_off_call(level: IsolationLevel) -> None:
    """Write skew: each doctor may leave only if someone else stays on call."""
    reset()
    with (
        connect(level) as alice,
        connect(level) as bob,
    ):
        outcomes = []
        for conn, name in [(alice, "alice"), (bob, "bob")]:
            on_call = conn.execute("SELECT count(*) FROM doctors WHERE on_call").fetchone()[0]
            if on_call >= 2:
                conn.execute("UPDATE doctors SET on_call = false WHERE name = %s", [name])
        for conn, name in [(alice, "alice"), (bob, "bob")]:
            try:
                conn.commit()
                outcomes.append(f"{name} committed")
            except psycopg.errors.SerializationFailure:
                outcomes.append(f"{name} aborted")
        left = alice.execute("SELECT count(*) FROM doctors WHERE on_call").fetchone()[0]
        print(f"{level.name:<15} {', '.join(outcomes)}; doctors on call: {left}")


go_off_call(IsolationLevel.REPEATABLE_READ)
# Output: REPEATABLE_READ alice committed, bob committed; doctors on call: 0
go_off_call(IsolationLevel.SERIALIZABLE)
# Output: SERIALIZABLE    alice committed, bob aborted; doctors on call: 1
# --8<-- [end:conflicts]
