# /// verify
# services = ["postgres"]
# ///
"""Each test runs inside a transaction that is rolled back; commits only release SAVEPOINTs."""


from services import database_url
from sqlalchemy import String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(20))


def place_order(session: Session) -> int:
    """Application code under test: it commits, as real code does."""
    order = Order(status="placed")
    session.add(order)
    session.commit()
    return order.id


def count_orders(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Order)) or 0


# --8<-- [start:demo]
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    engine = create_engine(database_url("psycopg"))
    Base.metadata.create_all(engine)  # schema created once per test run
    yield engine
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    with engine.connect() as connection:
        outer = connection.begin()  # BEGIN: never committed
        # session.commit() in the code under test now only RELEASEs a SAVEPOINT
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        yield session
        session.close()
        outer.rollback()  # teardown: everything the test wrote disappears, no TRUNCATE


def test_place_order_commits(db_session: Session) -> None:
    order_id = place_order(db_session)
    assert db_session.get(Order, order_id).status == "placed"
    assert count_orders(db_session) == 1


def test_previous_test_left_nothing_behind(db_session: Session) -> None:
    assert count_orders(db_session) == 0
# --8<-- [end:demo]


# --8<-- [start:proof]
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session


def test_commit_is_a_savepoint_invisible_to_other_connections(
    engine: Engine, db_session: Session
) -> None:
    seen: list[str] = []
    listeners = {
        "savepoint": lambda conn, name: seen.append("SAVEPOINT"),
        "release_savepoint": lambda conn, name, context: seen.append("RELEASE SAVEPOINT"),
        "commit": lambda conn: seen.append("COMMIT"),
    }
    for name, listener in listeners.items():
        event.listen(engine, name, listener)
    try:
        place_order(db_session)  # calls session.commit()
    finally:
        for name, listener in listeners.items():
            event.remove(engine, name, listener)
    assert seen[:2] == ["SAVEPOINT", "RELEASE SAVEPOINT"]
    assert "COMMIT" not in seen  # no real COMMIT reached PostgreSQL
    with Session(engine) as other:  # another connection, like a parallel test
        assert count_orders(other) == 0
    assert count_orders(db_session) == 1
# --8<-- [end:proof]
