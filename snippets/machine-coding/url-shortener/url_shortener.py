# /// verify
# services = ["postgres", "redis"]
# ///
"""URL shortener: FastAPI + PostgreSQL (SQLAlchemy) + Redis read-through cache."""


# --8<-- [start:schema]
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class URLMapping(Base):
    __tablename__ = "url_mappings"
    id = Column(Integer, primary_key=True, autoincrement=True)
    # unique=True already creates the index every lookup uses (see the erratum on this page)
    short_code = Column(String(10), unique=True, nullable=False)
    original_url = Column(String(2048), nullable=False)
    created_at = Column(DateTime(timezone=True), default=lambda: datetime.now(UTC))
# --8<-- [end:schema]


# --8<-- [start:logic]
BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def encode_url_id(mapping_id: int) -> str:
    # Converts unique auto-incrementing integer IDs down to fast compact Base62 strings
    if mapping_id < 0:  # divmod would never reach 0: refuse instead of looping forever
        raise ValueError(f"IDs are non-negative, got {mapping_id}")
    if mapping_id == 0:
        return BASE62_ALPHABET[0]
    digits = []
    while mapping_id:
        mapping_id, remainder = divmod(mapping_id, 62)
        digits.append(BASE62_ALPHABET[remainder])
    return "".join(reversed(digits))
# --8<-- [end:logic]


from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from services import database_url, redis_url
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_url("psycopg"))


def get_db_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    Base.metadata.create_all(engine)
    yield
    cache.close()
    engine.dispose()


# --8<-- [start:endpoints]
from typing import Annotated

import redis
from fastapi import Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel, HttpUrl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

app = FastAPI(lifespan=lifespan)
cache = redis.Redis.from_url(redis_url(), decode_responses=True)  # handbook: host="localhost"
DbSession = Annotated[Session, Depends(get_db_session)]


class CreateURLPayload(BaseModel):
    url: HttpUrl


@app.post("/shorten")
def shorten_url(payload: CreateURLPayload, db: DbSession):
    # Erratum fix: reserve the ID from the table's sequence first, so the row is inserted
    # once with its final code (no shared "" placeholder for concurrent writers to queue on)
    mapping_id = db.scalar(select(func.nextval("url_mappings_id_seq")))
    short_code = encode_url_id(mapping_id)
    new_mapping = URLMapping(id=mapping_id, short_code=short_code, original_url=str(payload.url))
    db.add(new_mapping)
    db.commit()
    # Pre-populate read cache proactively (erratum: setex is deprecated in redis-py 8)
    cache.set(f"url:{short_code}", new_mapping.original_url, ex=86400)
    return {"short_url": f"https://short.ly/{short_code}"}


@app.get("/{short_code}")
def redirect_url(short_code: str, response: Response, db: DbSession):
    # Fast path: Query cache layer
    cached_url = cache.get(f"url:{short_code}")
    if cached_url:
        response.headers["X-Cache"] = "HIT"  # site addition: makes the path observable
        return {"url": cached_url}  # Handled via dynamic redirect middleware
    # Slow path: Fallback database lookup
    mapping = db.query(URLMapping).filter(URLMapping.short_code == short_code).first()
    if not mapping:
        raise HTTPException(status_code=404, detail="URL not found")
    cache.set(f"url:{short_code}", mapping.original_url, ex=86400)
    response.headers["X-Cache"] = "MISS"
    return {"url": mapping.original_url}
# --8<-- [end:endpoints]


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    print(encode_url_id(125))  # Output: 21
    print(encode_url_id(62**7 - 1))  # Output: zzzzzzz
    print(len(encode_url_id(2**63 - 1)))  # largest BIGINT ID: Output: 11
    with TestClient(app) as client:
        created = client.post("/shorten", json={"url": "https://example.com/docs"})
        print(created.status_code, created.json())
        # Output: 200 {'short_url': 'https://short.ly/1'}
        hit = client.get("/1")
        print(hit.headers["X-Cache"], hit.json())  # Output: HIT {'url': 'https://example.com/docs'}
        cache.delete("url:1")  # evict: the next read falls back to PostgreSQL
        miss = client.get("/1")
        print(miss.headers["X-Cache"], miss.json())
        # Output: MISS {'url': 'https://example.com/docs'}
        print(client.get("/nope").status_code)  # Output: 404
        print(client.post("/shorten", json={"url": "not a url"}).status_code)  # Output: 422
