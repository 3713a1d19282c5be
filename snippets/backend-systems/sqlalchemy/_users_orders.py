"""Hidden setup shared by the N+1 samples: 100 users with 3 orders each, in PostgreSQL."""

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
