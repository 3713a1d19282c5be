# /// verify
# services = ["postgres"]
# ///
# ruff: noqa: E402  (hidden setup runs before the shown imports)
from services import database_url
from sqlalchemy import ForeignKey, create_engine, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

engine = create_engine(database_url("psycopg"))


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    orders: Mapped[list["Order"]] = relationship(back_populates="user")  # lazy="select"


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    total_cents: Mapped[int]
    user: Mapped[User] = relationship(back_populates="orders")

    def __repr__(self) -> str:
        return f"Order(id={self.id}, total_cents={self.total_cents})"


Base.metadata.create_all(engine)
with Session(engine) as seed:
    seed.execute(insert(User), [{"id": i, "name": f"user{i}"} for i in range(1, 101)])
    seed.execute(
        insert(Order),
        [{"user_id": u, "total_cents": u * 100 + k} for u in range(1, 101) for k in range(3)],
    )
    seed.commit()
session = Session(engine)

# --8<-- [start:demo]
from sqlalchemy import event

statements: list[str] = []


@event.listens_for(engine, "before_cursor_execute")
def count_sql(conn, cursor, statement, parameters, context, executemany) -> None:
    statements.append(statement)


# Detecting N+1 Query patterns
users = session.query(User).all()  # Query 1 fetches 100 users
for user in users:
    # Triggers 100 separate queries fetching orders per user!
    print(user.orders)
# Output: [Order(id=1, total_cents=100), Order(id=2, total_cents=101), Order(id=3, total_cents=102)]
# Output: [Order(id=298, total_cents=10000), Order(id=299, total_cents=10001), Order(id=300, ...)]

print("SQL statements:", len(statements))  # Output: SQL statements: 101
print("one of them:", " ".join(statements[1].split()))
# Output: one of them: SELECT orders.id AS orders_id, ... FROM orders WHERE ... = orders.user_id
# --8<-- [end:demo]
