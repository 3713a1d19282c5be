# /// verify
# services = ["postgres"]
# ///
"""The handbook's aware created_at in a plain DateTime column loses its offset."""

# --8<-- [start:demo]
from datetime import UTC, datetime

from services import database_url
from sqlalchemy import Column, DateTime, Integer, create_engine, event, text
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Event(Base):
    __tablename__ = "events"
    id = Column(Integer, primary_key=True)
    naive_at = Column(DateTime, default=lambda: datetime.now(UTC))  # the handbook's column
    aware_at = Column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


engine = create_engine(database_url("psycopg"))


@event.listens_for(engine, "connect")
def server_in_tokyo(dbapi_connection, connection_record) -> None:
    # a database or role whose TimeZone setting is not UTC (the default comes from the server)
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'Asia/Tokyo'")
    dbapi_connection.commit()


Base.metadata.create_all(engine)
with Session(engine) as db:
    print(db.execute(text(
        "SELECT data_type FROM information_schema.columns"
        " WHERE table_name = 'events' ORDER BY ordinal_position OFFSET 1"
    )).scalars().all())
    # Output: ['timestamp without time zone', 'timestamp with time zone']
    db.add(Event())
    db.commit()
    row = db.get(Event, 1)
    print("naive_at tzinfo:", row.naive_at.tzinfo)  # Output: naive_at tzinfo: None
    print("aware_at tzinfo:", row.aware_at.tzinfo is not None)  # Output: aware_at tzinfo: True
    drift = row.naive_at - row.aware_at.astimezone(UTC).replace(tzinfo=None)
    print("naive_at is UTC + hours:", round(drift.total_seconds() / 3600))
    # Output: naive_at is UTC + hours: 9
# --8<-- [end:demo]
engine.dispose()
