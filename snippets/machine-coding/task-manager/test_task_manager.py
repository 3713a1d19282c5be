# /// verify
# services = ["postgres"]
# ///
"""Drives the task manager's endpoints against a real PostgreSQL database."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from task_manager import app, engine


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE tasks RESTART IDENTITY"))
        yield test_client


def test_create_and_read(client: TestClient) -> None:
    created = client.post("/tasks", json={"title": "Ship it"})
    assert created.status_code == 201
    assert created.json() == {"id": 1, "title": "Ship it", "status": "PENDING", "version": 1}
    assert client.get("/tasks/1").json() == created.json()
    assert client.get("/tasks/99").status_code == 404


def test_complete_with_current_version(client: TestClient) -> None:
    client.post("/tasks", json={"title": "Ship it"})
    done = client.put("/tasks/1/complete", params={"expected_version": 1})
    assert done.status_code == 200
    assert client.get("/tasks/1").json()["status"] == "COMPLETED"
    assert client.get("/tasks/1").json()["version"] == 2
    again = client.put("/tasks/1/complete", params={"expected_version": 2})
    assert again.status_code == 400
    assert again.json() == {"detail": "Task already completed"}
    missing = client.put("/tasks/99/complete", params={"expected_version": 1})
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Task not found"}


def test_stale_version_gets_409_then_retry_succeeds(client: TestClient) -> None:
    client.post("/tasks", json={"title": "Ship it"})
    seen_by_b = client.get("/tasks/1").json()["version"]  # B reads version 1
    client.put("/tasks/1", params={"expected_version": 1}, json={"title": "Ship it today"})

    stale = client.put("/tasks/1/complete", params={"expected_version": seen_by_b})
    assert stale.status_code == 409
    assert stale.json() == {"detail": "Concurrent modification conflict. Retry."}
    assert client.get("/tasks/1").json()["status"] == "PENDING"  # nothing was overwritten

    current = client.get("/tasks/1").json()["version"]
    assert client.put("/tasks/1/complete", params={"expected_version": current}).status_code == 200
    assert client.get("/tasks/1").json() == {
        "id": 1, "title": "Ship it today", "status": "COMPLETED", "version": 3,
    }


def race(client: TestClient, path: str, params: dict[str, int], writers: int) -> list[int]:
    start = Barrier(writers)

    def one_writer(_: int) -> int:
        start.wait()  # release all requests at the same moment
        return client.put(path, params=params).status_code

    with ThreadPoolExecutor(writers) as pool:
        return sorted(pool.map(one_writer, range(writers)))


def test_concurrent_completions_have_exactly_one_winner(client: TestClient) -> None:
    client.post("/tasks", json={"title": "Contended"})
    codes = race(client, "/tasks/1/complete", {"expected_version": 1}, writers=5)
    assert codes.count(200) == 1
    assert set(codes) <= {200, 400, 409}  # losers see a conflict or the completed task
    assert client.get("/tasks/1").json()["version"] == 2  # exactly one increment


def test_row_lock_variant_serializes_writers(client: TestClient) -> None:
    client.post("/tasks", json={"title": "Hot row"})
    codes = race(client, "/tasks/1/complete-locked", {}, writers=5)
    assert codes == [200, 400, 400, 400, 400]  # queued on the lock, then saw COMPLETED
    assert client.get("/tasks/1").json()["version"] == 2
