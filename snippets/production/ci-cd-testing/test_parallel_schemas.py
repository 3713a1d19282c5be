# /// verify
# services = ["postgres"]
# ///
"""Tests that stay correct when pytest-xdist runs them on several workers at once."""


# --8<-- [start:demo]
import time
from collections.abc import Iterator

import psycopg
import pytest
from services import database_url, pg_connect


@pytest.fixture(scope="session")
def schema(worker_id: str) -> Iterator[str]:
    """One PostgreSQL schema per xdist worker: gw0, gw1, ... ("master" without -n)."""
    name = f"test_{worker_id}"
    with pg_connect() as admin:
        admin.execute(f'CREATE SCHEMA "{name}"')
    yield name
    with pg_connect() as admin:
        admin.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture
def conn(schema: str) -> Iterator[psycopg.Connection]:
    options = f"-c search_path={schema}"  # unqualified table names resolve in our schema
    with psycopg.connect(database_url(), options=options, autocommit=True) as conn:
        conn.execute("CREATE TABLE items (id serial PRIMARY KEY)")
        yield conn
        conn.execute("DROP TABLE items")


@pytest.mark.parametrize("rows", [1, 2, 3, 4])
def test_counts_only_its_own_rows(conn: psycopg.Connection, rows: int) -> None:
    for _ in range(rows):
        conn.execute("INSERT INTO items DEFAULT VALUES")
    time.sleep(0.2)  # a slow test: another worker runs meanwhile
    assert conn.execute("SELECT count(*) FROM items").fetchone() == (rows,)
# --8<-- [end:demo]
