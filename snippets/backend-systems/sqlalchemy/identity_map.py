# /// verify
# services = ["postgres"]
# ///
from services import database_url
from sqlalchemy import create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_engine(database_url("psycopg"))


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]


Base.metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(User.__table__.insert(), [{"id": 1, "email": "ada@old.example"}])

queries = 0


@event.listens_for(engine, "before_cursor_execute")
def _count(*_: object) -> None:
    global queries
    queries += 1


# --8<-- [start:demo]
from sqlalchemy import text
from sqlalchemy.orm import Session

session = Session(engine)
obj1 = session.get(User, 1)  # SELECT ... WHERE users.id = 1
obj2 = session.get(User, 1)  # found in the identity map: no SQL at all
print("obj1 is obj2:", obj1 is obj2, "| queries:", queries)
# Output: obj1 is obj2: True | queries: 1

# Another process updates the row behind the session's back
with engine.begin() as other_process:
    other_process.execute(text("UPDATE users SET email = 'ada@new.example' WHERE id = 1"))

print("stale read:", session.get(User, 1).email)  # Output: stale read: ada@old.example
print("fresh read:", session.get(User, 1, populate_existing=True).email)
# Output: fresh read: ada@new.example
session.close()
# --8<-- [end:demo]
