# /// verify
# services = ["postgres", "redis"]
# ///
"""Drives the URL shortener's endpoints against real PostgreSQL and Redis."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from url_shortener import app, cache, encode_url_id, engine


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as test_client:  # runs the lifespan: creates the table
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE url_mappings RESTART IDENTITY"))
        cache.flushdb()
        yield test_client


def test_base62_encoding() -> None:
    assert [encode_url_id(n) for n in (0, 9, 10, 61, 62, 125)] == ["0", "9", "A", "z", "10", "21"]
    with pytest.raises(ValueError, match="IDs are non-negative, got -1"):
        encode_url_id(-1)


def test_shorten_then_resolve_from_cache(client: TestClient) -> None:
    created = client.post("/shorten", json={"url": "https://example.com/a"})
    assert created.status_code == 200
    assert created.json() == {"short_url": "https://short.ly/1"}
    # shorten pre-populated the cache with a one-day TTL
    assert 86000 < cache.ttl("url:1") <= 86400

    resolved = client.get("/1")
    assert resolved.json() == {"url": "https://example.com/a"}
    assert resolved.headers["X-Cache"] == "HIT"


def test_cache_miss_falls_back_to_postgres_and_refills(client: TestClient) -> None:
    client.post("/shorten", json={"url": "https://example.com/b"})
    cache.delete("url:1")

    miss = client.get("/1")
    assert miss.json() == {"url": "https://example.com/b"}
    assert miss.headers["X-Cache"] == "MISS"
    assert cache.get("url:1") == "https://example.com/b"
    assert client.get("/1").headers["X-Cache"] == "HIT"


def test_codes_are_unique_per_url(client: TestClient) -> None:
    codes = {client.post("/shorten", json={"url": f"https://e.com/{i}"}).json()["short_url"]
             for i in range(3)}
    assert codes == {"https://short.ly/1", "https://short.ly/2", "https://short.ly/3"}


def test_unknown_code_is_404_and_bad_url_is_422(client: TestClient) -> None:
    assert client.get("/zzz").status_code == 404
    assert client.post("/shorten", json={"url": "ftp//nope"}).status_code == 422
