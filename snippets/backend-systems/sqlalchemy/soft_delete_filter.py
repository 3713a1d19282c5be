# /// verify
# services = ["postgres"]
# ///
from services import database_url
from sqlalchemy import create_engine

engine = create_engine(database_url("psycopg"))

# --8<-- [start:demo]
from datetime import UTC, datetime

from sqlalchemy import DateTime, event, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    mapped_column,
    with_loader_criteria,
)


class Base(DeclarativeBase):
    pass


class SoftDeleteMixin:
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    def soft_delete(self) -> None:
        self.deleted_at = datetime.now(UTC)


class Customer(SoftDeleteMixin, Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


@event.listens_for(Session, "do_orm_execute")
def hide_soft_deleted(state: ORMExecuteState) -> None:
    """Append `deleted_at IS NULL` to every ORM SELECT, unless asked not to."""
    if state.is_select and not state.execution_options.get("include_deleted", False):
        state.statement = state.statement.options(
            with_loader_criteria(
                SoftDeleteMixin,
                lambda cls: cls.deleted_at.is_(None),
                include_aliases=True,
            )
        )


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Customer(name="Ada"), Customer(name="Grace"), Customer(name="Linus")])
    session.commit()
    session.scalars(select(Customer).where(Customer.name == "Linus")).one().soft_delete()
    session.commit()

    print([c.name for c in session.scalars(select(Customer).order_by(Customer.id))])
    # Output: ['Ada', 'Grace']
    everyone = select(Customer).order_by(Customer.id).execution_options(include_deleted=True)
    print([c.name for c in session.scalars(everyone)])  # Output: ['Ada', 'Grace', 'Linus']
# --8<-- [end:demo]
