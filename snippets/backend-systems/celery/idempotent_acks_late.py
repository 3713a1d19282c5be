# /// verify
# services = ["redis"]
# timeout = 60
# ///
from services import celery_broker_url, redis_client

BROKER_URL = celery_broker_url()
r = redis_client()
outbox: list[str] = []  # stands in for the email provider

# --8<-- [start:acks]
import time

from celery import Celery
from celery.contrib.testing.worker import start_worker

app = Celery("billing", broker=BROKER_URL, backend=BROKER_URL)


def message_still_on_broker(task) -> bool:
    """kombu's Redis transport keeps delivered-but-unacknowledged messages in `unacked`."""
    time.sleep(0.2)  # the worker sends acks from its event loop, concurrently with the task
    return any(task.request.id in message for message in r.hvals("unacked"))


@app.task(bind=True)  # default: acknowledged when the worker receives it
def early_ack(self) -> bool:
    return message_still_on_broker(self)


@app.task(bind=True, acks_late=True)  # acknowledged only after the task returns
def late_ack(self) -> bool:
    return message_still_on_broker(self)


# threads pool: the task runs off the worker's event loop, which acks at once
with start_worker(app, pool="threads", concurrency=1, perform_ping_check=False, loglevel="WARNING"):
    print("default: message on the broker while running:", early_ack.delay().get(timeout=10))
    print("acks_late: message on the broker while running:", late_ack.delay().get(timeout=10))
# Output: default: message on the broker while running: False
# Output: acks_late: message on the broker while running: True
# --8<-- [end:acks]

# --8<-- [start:acks_on_failure]
import time

from celery.contrib.testing.worker import start_worker


@app.task(acks_late=True)
def late_ack_fails() -> None:
    raise ValueError("malformed invoice")


with start_worker(app, pool="threads", perform_ping_check=False, loglevel="CRITICAL"):
    failed = late_ack_fails.delay()
    failed.get(timeout=10, propagate=False)
    time.sleep(0.2)  # let the worker's event loop send the ack
    print("result backend:", failed.state, repr(failed.result))
    print("message still queued or unacked:", bool(r.llen("celery") or r.hlen("unacked")))
# Output: result backend: FAILURE ValueError('malformed invoice')
# Output: message still queued or unacked: False
# --8<-- [end:acks_on_failure]

# --8<-- [start:idempotent]
from celery.contrib.testing.worker import start_worker


@app.task(acks_late=True)
def send_invoice(order_id: int) -> str:
    # Idempotency key: the first delivery claims it; redeliveries find it taken
    if not r.set(f"invoice-sent:{order_id}", "1", nx=True, ex=7 * 24 * 3600):
        return f"order {order_id}: already sent, skipped"
    outbox.append(f"invoice for order {order_id}")
    return f"order {order_id}: sent"


with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
    # The same job delivered twice (a redelivery after a lost ack, a duplicated publish)
    print(send_invoice.delay(7).get(timeout=10))  # Output: order 7: sent
    print(send_invoice.delay(7).get(timeout=10))  # Output: order 7: already sent, skipped
print("emails in the outbox:", len(outbox))  # Output: emails in the outbox: 1
# --8<-- [end:idempotent]
