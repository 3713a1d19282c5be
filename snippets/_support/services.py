"""Connections to the real servers the verifier provides to a sample.

The verifier starts Redis and PostgreSQL (embedded, or external ones named by environment
variables) and hands each sample its own keyspace and database through ``REDIS_URL`` and
``DATABASE_URL``. Samples import these helpers in their hidden setup.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit


def redis_url() -> str:
    """URL of this sample's private Redis (``redis://…`` or ``unix:///…/redis.socket?db=N``)."""
    return os.environ["REDIS_URL"]


def redis_client(*, decode_responses: bool = True):  # -> redis.Redis
    import redis

    return redis.Redis.from_url(redis_url(), decode_responses=decode_responses)


def celery_broker_url() -> str:
    """The same Redis as a Celery/kombu broker URL (kombu spells unix sockets ``redis+socket://``)."""
    url = redis_url()
    if url.startswith("unix://"):
        parts = urlsplit(url)
        db = parse_qs(parts.query).get("db", ["0"])[0]
        return f"redis+socket://{parts.path}?virtual_host={db}"
    return url


def database_url(driver: str | None = None) -> str:
    """URL of this sample's private PostgreSQL database; ``driver="psycopg"`` for SQLAlchemy."""
    url = os.environ["DATABASE_URL"]
    if driver:
        url = url.replace("postgresql://", f"postgresql+{driver}://", 1)
    return url


def pg_connect(*, autocommit: bool = True):  # -> psycopg.Connection
    import psycopg

    return psycopg.connect(database_url(), autocommit=autocommit)
