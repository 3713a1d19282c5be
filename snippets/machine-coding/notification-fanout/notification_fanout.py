# /// verify
# services = ["postgres", "redis"]
# ///
"""Notification fan-out: a FastAPI trigger, Celery fan-out tasks, Redis idempotency keys."""


import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import psycopg
from celery import Celery
from services import celery_broker_url, database_url, redis_client

# `app` is the Celery application, as in the handbook; the HTTP API below is `api`
app = Celery("notifications", broker=celery_broker_url())
cache = redis_client()
SCHEMA = Path(__file__).with_name("schema.sql").read_text()


def fetch_active_user_ids(chunk_size: int = 1000) -> Iterator[int]:
    """Stream active user IDs from PostgreSQL through a server-side cursor, chunk by chunk."""
    with psycopg.connect(database_url()) as conn, conn.cursor(name="active_users") as cursor:
        cursor.itersize = chunk_size
        cursor.execute("SELECT id FROM users WHERE is_active ORDER BY id")
        for (user_id,) in cursor:
            yield user_id


def batched(items: Iterable[int], size: int) -> Iterator[list[int]]:
    """itertools.batched (Python 3.12+) for Python 3.11."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def send_push(user_id: int, payload: dict) -> None:
    """The external push provider (APNs, FCM, e-mail...): here, an outbox list in Redis."""
    cache.rpush("push:outbox", json.dumps({"user_id": user_id, "alert_id": payload["alert_id"]}))


# --8<-- [start:logic]
from celery import group


@app.task
def broadcast_system_alert(alert_payload: dict):
    # Fetch all active system target user IDs in lazy iterator chunks
    user_ids = fetch_active_user_ids()
    # Fan-out execution workload across independent parallel subtasks cleanly
    tasks = [dispatch_individual_notification.s(uid, alert_payload) for uid in user_ids]
    group(tasks).apply_async()


@app.task(bind=True, rate_limit="100/s", max_retries=3)  # Throttle execution limits explicitly
def dispatch_individual_notification(self, user_id: int, payload: dict):
    # Idempotency check logic ensuring users don't receive duplicate alerts
    cache_key = f"alert_sent:{user_id}:{payload['alert_id']}"
    if cache.set(cache_key, "1", nx=True, ex=86400):
        try:
            # Execute external network push logic
            send_push(user_id, payload)
        except Exception as exc:
            # Erratum fix: give the key back, or the retry (and every later attempt) skips
            cache.delete(cache_key)
            raise self.retry(exc=exc, countdown=2**self.request.retries) from exc
# --8<-- [end:logic]


# --8<-- [start:batched]
@app.task
def broadcast_in_batches(alert_payload: dict, batch_size: int = 1000):
    # One message per 1,000 users instead of one per user keeps the broker queue short
    for batch in batched(fetch_active_user_ids(batch_size), batch_size):
        dispatch_batch.delay(batch, alert_payload)


@app.task(bind=True, max_retries=3)
def dispatch_batch(self, user_ids: list[int], payload: dict):
    for user_id in user_ids:
        cache_key = f"alert_sent:{user_id}:{payload['alert_id']}"
        if not cache.set(cache_key, "1", nx=True, ex=86400):
            continue  # already delivered (a duplicate trigger, or a retried batch)
        try:
            send_push(user_id, payload)
        except Exception as exc:
            cache.delete(cache_key)
            # retrying the whole batch is safe: the users already done are skipped above
            raise self.retry(exc=exc, countdown=2**self.request.retries) from exc
# --8<-- [end:batched]


# --8<-- [start:endpoints]
from fastapi import FastAPI
from pydantic import BaseModel

api = FastAPI()


class Alert(BaseModel):
    alert_id: str
    message: str


@api.post("/alerts", status_code=202)
def trigger_alert(alert: Alert) -> dict[str, str]:
    # The event trigger only enqueues: the fan-out runs on the Celery workers
    broadcast_system_alert.delay(alert.model_dump())
    return {"status": "queued", "alert_id": alert.alert_id}
# --8<-- [end:endpoints]


def create_schema() -> None:
    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute(SCHEMA.split("-- end of schema")[0])  # the DDL part of schema.sql


if __name__ == "__main__":
    from collections import Counter

    from fastapi.testclient import TestClient

    # run tasks in-process instead of on a worker, so the demo needs no worker process
    app.conf.update(task_always_eager=True, task_eager_propagates=True)
    create_schema()
    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute("INSERT INTO users (email, is_active) SELECT 'u' || n, n <> 3"
                     " FROM generate_series(1, 5) AS n")  # user 3 is deactivated

    client = TestClient(api)
    alert = {"alert_id": "maint-42", "message": "Maintenance at 02:00 UTC"}
    print(client.post("/alerts", json=alert).json())
    # Output: {'status': 'queued', 'alert_id': 'maint-42'}
    client.post("/alerts", json=alert)  # the same event delivered twice by the trigger
    sent = Counter(json.loads(item)["user_id"] for item in cache.lrange("push:outbox", 0, -1))
    print(sorted(sent.items()))  # Output: [(1, 1), (2, 1), (4, 1), (5, 1)]
