# /// verify
# services = ["postgres", "redis"]
# timeout = 90  # the worker's deliveries are awaited for up to 30 s on an oversubscribed machine
# ///
"""Fans alerts out through Celery (eagerly, and through a real worker on the Redis broker)."""

import json
import time
from collections import Counter
from collections.abc import Iterator

import notification_fanout as fanout
import psycopg
import pytest
from celery.contrib.testing.worker import start_worker
from fastapi.testclient import TestClient
from services import database_url

ALERT = {"alert_id": "maint-42", "message": "Maintenance at 02:00 UTC"}


def deliveries() -> Counter[int]:
    outbox = fanout.cache.lrange("push:outbox", 0, -1)
    return Counter(json.loads(item)["user_id"] for item in outbox)


def wait_for_deliveries(expected: int, timeout: float = 30.0) -> None:
    # returns as soon as they are all there (~0.1 s, or 1 s with a retry); the deadline only
    # bounds a failing run, and a busy CI machine can delay the worker's threads by seconds
    deadline = time.monotonic() + timeout
    while sum(deliveries().values()) < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # give a duplicate the chance to show up


@pytest.fixture(autouse=True)
def fresh_state() -> None:
    fanout.create_schema()
    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute("TRUNCATE users RESTART IDENTITY")
        conn.execute("INSERT INTO users (email, is_active) SELECT 'u' || n || '@example.com',"
                     " n % 10 <> 0 FROM generate_series(1, 25) AS n")  # 10 and 20 inactive
    fanout.cache.flushdb()


@pytest.fixture(scope="module")
def worker() -> Iterator[None]:
    # a real Celery worker (threads) consuming the Redis broker, inside the test process.
    # Its rate limiting is off: throttled tasks wait on the worker's timer, which stretched
    # this 23-message fan-out from 0.1 s to several seconds in the embedded worker.
    fanout.app.conf.worker_disable_rate_limits = True
    with start_worker(fanout.app, pool="threads", concurrency=4, perform_ping_check=False):
        yield


@pytest.fixture
def eager() -> Iterator[None]:
    fanout.app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield
    fanout.app.conf.update(task_always_eager=False)


ACTIVE = [n for n in range(1, 26) if n % 10]


def test_every_active_user_gets_the_alert_once(eager: None) -> None:
    response = TestClient(fanout.api).post("/alerts", json=ALERT)
    assert response.status_code == 202
    assert deliveries() == Counter(ACTIVE)


def test_duplicate_trigger_is_absorbed_by_idempotency_keys(eager: None) -> None:
    client = TestClient(fanout.api)
    for _ in range(3):
        client.post("/alerts", json=ALERT)
    assert deliveries() == Counter(ACTIVE)  # still exactly one each
    assert fanout.cache.ttl("alert_sent:1:maint-42") > 86000
    client.post("/alerts", json={**ALERT, "alert_id": "maint-43"})  # a new alert goes out
    assert deliveries() == Counter(ACTIVE * 2)


def test_handbook_fan_out_sends_one_message_per_user(
    eager: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_sizes: list[int] = []
    real_group = fanout.group

    def recording_group(tasks: list) -> object:
        group_sizes.append(len(tasks))  # the comprehension built every signature up front
        return real_group(tasks)

    monkeypatch.setattr(fanout, "group", recording_group)
    fanout.broadcast_system_alert.delay(ALERT)
    assert group_sizes == [len(ACTIVE)]  # one group member, one broker message, per user
    assert deliveries() == Counter(ACTIVE)


def test_batched_fan_out_sends_one_message_per_batch(
    eager: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[list[int]] = []
    enqueue = fanout.dispatch_batch.delay
    monkeypatch.setattr(fanout.dispatch_batch, "delay",
                        lambda ids, payload: messages.append(ids) or enqueue(ids, payload))
    fanout.broadcast_in_batches.delay(ALERT, batch_size=10)
    assert [len(batch) for batch in messages] == [10, 10, 3]  # 3 messages for 23 users
    fanout.broadcast_in_batches.delay(ALERT, batch_size=10)  # duplicate: every user skipped
    assert deliveries() == Counter(ACTIVE)


def test_fan_out_through_a_real_worker_and_the_redis_broker(worker: None) -> None:
    client = TestClient(fanout.api)
    client.post("/alerts", json=ALERT)
    client.post("/alerts", json=ALERT)  # the same event, delivered twice
    wait_for_deliveries(len(ACTIVE))
    assert deliveries() == Counter(ACTIVE)


def test_failed_push_is_retried_and_delivered_once(
    worker: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_send, failures = fanout.send_push, []

    def flaky_send(user_id: int, payload: dict) -> None:
        if user_id == 7 and not failures:
            failures.append(user_id)
            raise ConnectionError("push provider timed out")
        real_send(user_id, payload)

    monkeypatch.setattr(fanout, "send_push", flaky_send)
    TestClient(fanout.api).post("/alerts", json=ALERT)
    wait_for_deliveries(len(ACTIVE))  # the retry comes after a 1 s countdown
    assert failures == [7]
    assert deliveries() == Counter(ACTIVE)  # user 7 got it on the retry, once
