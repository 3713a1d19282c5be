# /// verify
# services = ["postgres"]
# ///
"""The handbook's extra Index() on a unique column builds a second, identical index."""

# --8<-- [start:demo]
from services import database_url
from sqlalchemy import Column, Index, Integer, String, create_engine, text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class URLMapping(Base):  # the handbook's table arguments, verbatim
    __tablename__ = "url_mappings"
    id = Column(Integer, primary_key=True, autoincrement=True)
    short_code = Column(String(10), unique=True, nullable=False)
    original_url = Column(String(2048), nullable=False)
    # Optimizing read performance using composite index layout
    __table_args__ = (Index("idx_short_code", "short_code"),)


engine = create_engine(database_url("psycopg"))
Base.metadata.create_all(engine)
with engine.connect() as conn:
    rows = conn.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes"
        " WHERE tablename = 'url_mappings' ORDER BY indexname"
    ))
    for name, definition in rows:
        kind = "UNIQUE" if "UNIQUE" in definition else "plain"
        print(f"{name:28} {kind:6} {definition.split(' USING ')[1]}")
# Output: idx_short_code               plain  btree (short_code)
# Output: url_mappings_pkey            UNIQUE btree (id)
# Output: url_mappings_short_code_key  UNIQUE btree (short_code)
# --8<-- [end:demo]
engine.dispose()
