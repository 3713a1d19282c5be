# /// verify
# services = ["redis"]
# ///
"""Drives the rate-limit middleware against a real Redis running the token bucket script."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rate_limiter import create_app
from services import redis_client


@pytest.fixture(autouse=True)
def empty_redis() -> None:
    redis_client().flushdb()


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = create_app(capacity=5, refill_per_second=5 / 60)  # 5 per minute
    with TestClient(app, client=("203.0.113.7", 50000)) as test_client:
        yield test_client


def test_requests_within_the_limit_pass(client: TestClient) -> None:
    remaining = [client.get("/api/ping").headers["X-RateLimit-Remaining"] for _ in range(5)]
    assert remaining == ["4", "3", "2", "1", "0"]


def test_request_over_the_limit_gets_429(client: TestClient) -> None:
    for _ in range(5):
        assert client.get("/api/ping").status_code == 200
    rejected = client.get("/api/ping")
    assert rejected.status_code == 429
    assert rejected.text == "Too Many Requests"
    assert 1 <= int(rejected.headers["Retry-After"]) <= 12  # one token every 12 s
    assert client.get("/api/ping").status_code == 429  # still empty


def test_bucket_lives_in_redis_with_a_ttl(client: TestClient) -> None:
    client.get("/api/ping")
    cache = redis_client()
    bucket = cache.hgetall("rate:203.0.113.7")
    assert float(bucket["tokens"]) == pytest.approx(4, abs=0.1)
    assert 0 < cache.pttl("rate:203.0.113.7") <= 13_000  # gone once it would be full again


def test_clients_are_limited_independently(client: TestClient) -> None:
    for _ in range(6):
        client.get("/api/ping")
    assert client.get("/api/ping").status_code == 429
    with TestClient(client.app, client=("198.51.100.2", 50000)) as other:
        assert other.get("/api/ping").status_code == 200


def test_limit_is_shared_by_every_app_instance() -> None:
    # two app servers, one Redis: the bucket is global, not per process
    first, second = create_app(capacity=2), create_app(capacity=2)
    with TestClient(first) as node_a, TestClient(second) as node_b:
        assert node_a.get("/api/ping").status_code == 200
        assert node_b.get("/api/ping").status_code == 200
        assert node_a.get("/api/ping").status_code == 429
        assert node_b.get("/api/ping").status_code == 429
