# /// verify
# services = ["postgres"]
# ///
"""Streaming rows with Query.yield_per on a real PostgreSQL server-side cursor."""

import sys
import types
from datetime import UTC, datetime, timedelta

from services import database_url
from sqlalchemy import DateTime, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


# Hidden setup: the handbook imports EventLog from an application module `my_models`.
class Base(DeclarativeBase):
    pass


class EventLog(Base):
    __tablename__ = "event_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    timestamp: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # timestamptz
    status: Mapped[str] = mapped_column(String(10))
    message: Mapped[str]


my_models = types.ModuleType("my_models")
my_models.EventLog = EventLog  # type: ignore[attr-defined]
sys.modules["my_models"] = my_models

engine = create_engine(database_url("psycopg"), connect_args={"options": "-c TimeZone=UTC"})
Base.metadata.create_all(engine)
start = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
with engine.begin() as conn:
    conn.execute(
        EventLog.__table__.insert(),
        [
            {
                "timestamp": start + timedelta(seconds=i),
                "status": "ERROR" if i % 2 else "INFO",
                "message": f"event {i}",
            }
            for i in range(5000)
        ],
    )

# --8<-- [start:demo]
from my_models import EventLog
from sqlalchemy.orm import Session


def export_logs_lazily(db_session: Session):
    # yield_per(1000) instructs the DB driver to fetch rows in chunks of 1000
    # preventing client-side RAM exhaustion
    query = db_session.query(EventLog).filter(EventLog.status == "ERROR").yield_per(1000)
    for log_entry in query:
        # Process single entity; memory profile remains flat
        yield f"{log_entry.timestamp} - {log_entry.message}\n"


# --8<-- [end:demo]

# --8<-- [start:usage]
from sqlalchemy import text
from sqlalchemy.orm import Session

with Session(engine) as session:
    lines = export_logs_lazily(session)
    print(next(lines), end="")  # Output: 2024-05-01 12:00:01+00:00 - event 1
    # Proof of streaming: PostgreSQL holds an open server-side cursor while we iterate
    open_cursors = session.connection().execute(text("SELECT count(*) FROM pg_cursors"))
    print(f"server-side cursors open: {open_cursors.scalar_one()}")
    # Output: server-side cursors open: 1
    print(f"rows streamed: {1 + sum(1 for _ in lines)}")  # Output: rows streamed: 2500
    closed = session.connection().execute(text("SELECT count(*) FROM pg_cursors"))
    print(f"server-side cursors open after the loop: {closed.scalar_one()}")
    # Output: server-side cursors open after the loop: 0
# --8<-- [end:usage]
engine.dispose()
