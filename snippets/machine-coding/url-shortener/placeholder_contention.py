# /// verify
# services = ["postgres"]
# ///
"""The handbook's short_code="" placeholder makes concurrent /shorten calls queue up."""

from services import database_url
from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class URLMapping(Base):
    __tablename__ = "url_mappings"
    id = Column(Integer, primary_key=True, autoincrement=True)
    short_code = Column(String(10), unique=True, nullable=False)
    original_url = Column(String(2048), nullable=False)


def encode_url_id(mapping_id: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    digits = ""
    while True:
        mapping_id, remainder = divmod(mapping_id, 62)
        digits = alphabet[remainder] + digits
        if not mapping_id:
            return digits


engine = create_engine(database_url("psycopg"))
Base.metadata.create_all(engine)


# --8<-- [start:demo]
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session


def handbook_insert(db: Session) -> None:
    # the handbook: insert with a shared "" placeholder, flush for the ID, then fix the code
    mapping = URLMapping(original_url="https://example.com", short_code="")
    db.add(mapping)
    db.flush()
    mapping.short_code = encode_url_id(mapping.id)


def fixed_insert(db: Session) -> None:
    # the fix: take the ID from the sequence first, insert the row once with its final code
    mapping_id = db.scalar(select(func.nextval("url_mappings_id_seq")))
    db.add(URLMapping(id=mapping_id, short_code=encode_url_id(mapping_id),
                      original_url="https://example.com"))
    db.flush()


def second_writer_blocks(insert) -> bool:
    with Session(engine) as first, Session(engine) as second:
        insert(first)  # request 1: flushed, transaction still open
        second.execute(text("SET LOCAL lock_timeout = '200ms'"))
        try:
            insert(second)  # request 2 arrives meanwhile
        except OperationalError as exc:  # LockNotAvailable: it waited on request 1's "" row
            print(type(exc.orig).__name__)
            return True
        return False


print("handbook: second writer blocked:", second_writer_blocks(handbook_insert))
# Output: LockNotAvailable
# Output: handbook: second writer blocked: True
print("fixed: second writer blocked:", second_writer_blocks(fixed_insert))
# Output: fixed: second writer blocked: False
# --8<-- [end:demo]
engine.dispose()
