# /// verify
# services = ["redis"]
# timeout = 60
# ///
import time

from services import celery_broker_url

BROKER_URL = celery_broker_url()  # redis+socket://… of this sample's private Redis
attempts: list[float] = []


def run_transcoder(file_id: int) -> str:
    """The heavy work; its storage backend is flaky for the first two calls."""
    attempts.append(time.monotonic())
    if len(attempts) <= 2:
        raise ConnectionError("storage node timed out")
    return f"Transcoded {file_id}"


# --8<-- [start:demo]
from celery import Celery

app = Celery("tasks", broker=BROKER_URL, backend=BROKER_URL)


@app.task(bind=True, max_retries=3)
def process_video_transcoding(self, file_id: int):
    print(f"attempt {self.request.retries + 1} for file {file_id}")
    try:
        # Compute heavy execution logic
        return run_transcoder(file_id)
    except Exception as exc:
        # Triggers exponential backoff retries on transient errors
        print(f"  {type(exc).__name__}: retrying in {2 ** self.request.retries}s")
        raise self.retry(exc=exc, countdown=2 ** self.request.retries) from exc
# --8<-- [end:demo]


# --8<-- [start:run]
from itertools import pairwise

from celery.contrib.testing.worker import start_worker

# A real worker (solo pool, in this process) consuming from the real Redis broker
with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
    result = process_video_transcoding.delay(42)
    print("result:", result.get(timeout=20))
# Output: attempt 1 for file 42
# Output:   ConnectionError: retrying in 1s
# Output: attempt 2 for file 42
# Output:   ConnectionError: retrying in 2s
# Output: attempt 3 for file 42
# Output: result: Transcoded 42

gaps = [later - earlier for earlier, later in pairwise(attempts)]
print("waited >= 1s, then >= 2s:", gaps[0] >= 1 and gaps[1] >= 2)
# Output: waited >= 1s, then >= 2s: True
print("final state:", result.state)  # Output: final state: SUCCESS
# --8<-- [end:run]
