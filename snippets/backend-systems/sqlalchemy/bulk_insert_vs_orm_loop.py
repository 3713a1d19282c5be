# /// verify
# services = ["postgres"]
# ///
from services import database_url
from sqlalchemy import String, create_engine, event, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_engine(database_url("psycopg"))


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50))
    email: Mapped[str] = mapped_column(String(100))


Base.metadata.create_all(engine)

driver_calls = 0  # cursor.execute() / executemany() calls reaching psycopg


@event.listens_for(engine, "before_cursor_execute")
def _count(*_: object) -> None:
    global driver_calls
    driver_calls += 1


def reset() -> None:
    global driver_calls
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE users RESTART IDENTITY"))
    driver_calls = 0


# --8<-- [start:slow]
import time

from sqlalchemy.orm import Session

N = 20_000  # the handbook's job imports 50,000; 20,000 keeps this build fast

reset()
started = time.process_time()  # CPU seconds of this process: the ORM's own work
with Session(engine) as session:
    for i in range(N):
        session.add(User(username=f"user_{i}", email=f"user_{i}@domain.com"))
    print("objects held by the unit of work:", len(session.new))
    session.commit()  # flush: build INSERTs from 20,000 tracked objects, fetch their new ids
orm_cpu = time.process_time() - started
print("driver calls for the ORM loop:", driver_calls)
# Output: objects held by the unit of work: 20000
# Output: driver calls for the ORM loop: 20
# --8<-- [end:slow]

# --8<-- [start:bulk]
import time

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

reset()
started = time.process_time()
with Session(engine) as session:
    # High-performance bulk inserts bypassing ORM tracking overhead
    session.execute(
        insert(User),
        [{"username": f"user_{i}", "email": f"user_{i}@domain.com"} for i in range(N)],
    )
    print("objects held by the unit of work:", len(session.new))
    session.commit()
bulk_cpu = time.process_time() - started
print("driver calls for the bulk insert:", driver_calls)
# Output: objects held by the unit of work: 0
# Output: driver calls for the bulk insert: 1

with Session(engine) as session:
    print("rows:", session.scalar(text("SELECT count(*) FROM users")))  # Output: rows: 20000
# CPU time, not wall time: a busy build machine stretches the wall clock of both paths,
# but not the Python work each path does per row
print(f"client CPU: ORM loop {orm_cpu:.2f} s, bulk insert {bulk_cpu:.2f} s")
# Output: client CPU: ORM loop ... s, bulk insert ... s
print("bulk insert at least 1.5x less CPU:", orm_cpu / bulk_cpu >= 1.5)
# Output: bulk insert at least 1.5x less CPU: True
# --8<-- [end:bulk]
