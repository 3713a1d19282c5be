# /// verify
# services = ["postgres"]
# ///
import time

from services import database_url, pg_connect

DATABASE_URL = database_url("psycopg")  # postgresql+psycopg://… (psycopg 3 driver)


def proxy_drops_idle_connections() -> None:
    """What a proxy or firewall does to idle sockets: the server side goes away."""
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    with pg_connect() as admin:
        admin.execute(f"SELECT pg_terminate_backend(pid) {others}")
        for _ in range(500):  # termination is asynchronous: wait until they are gone
            if admin.execute(f"SELECT count(*) {others}").fetchone()[0] == 0:
                return
            time.sleep(0.01)


# --8<-- [start:demo]
from sqlalchemy import create_engine

# pool_pre_ping=True instructs the connection pool to emit a lightweight ping
# (e.g., SELECT 1) before returning a connection reference to the session pool
engine = create_engine(
    DATABASE_URL,
    pool_size=20,
    max_overflow=10,
    pool_pre_ping=True,  # Validates socket viability dynamically
    pool_recycle=3600,  # Proactively recycles connections older than 1 hour
)
# --8<-- [end:demo]

# --8<-- [start:proof]
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

no_ping = create_engine(DATABASE_URL, pool_size=20, max_overflow=10)


def query_after_drop(eng: Engine) -> str:
    with eng.connect() as conn:  # open one connection, return it to the pool idle
        conn.execute(text("SELECT 1"))
    proxy_drops_idle_connections()
    try:
        with eng.connect() as conn:  # the pool hands back the dead connection...
            return f"ok, got {conn.execute(text('SELECT 42')).scalar()}"
    except OperationalError as exc:
        return f"OperationalError: {str(exc.orig).splitlines()[0]}"


print("without pre-ping:", query_after_drop(no_ping))
# Output: without pre-ping: OperationalError: ...
print("with pre-ping:   ", query_after_drop(engine))  # Output: with pre-ping:    ok, got 42
# --8<-- [end:proof]

# --8<-- [start:driver]
from sqlalchemy.engine import make_url

for url in ["postgresql://app@db-host/app", "postgresql+psycopg://app@db-host/app"]:
    print(f"{url.split(':')[0]:<18} -> driver {make_url(url).get_dialect().driver}")
# Output: postgresql         -> driver psycopg2
# Output: postgresql+psycopg -> driver psycopg
# --8<-- [end:driver]
