"""contextvars carry a request id through concurrent asyncio tasks."""


# --8<-- [start:demo]
import contextvars
import uuid
from contextlib import contextmanager

# Define a context variable accessible globally but isolated per logical task execution path
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default="unknown"
)


@contextmanager
def request_context():
    # Generate unique ID and assign it to the context variable
    token = request_id_var.set(str(uuid.uuid4()))
    try:
        yield
    finally:
        # Reset context variable to avoid leaking context across pooled connections
        request_id_var.reset(token)


def emit_structured_log(message):
    # Context variable pulls the exact ID tied to the currently executing task frame
    print(f"[Trace: {request_id_var.get()}] {message}")


# --8<-- [end:demo]


# --8<-- [start:usage]
import asyncio


async def handle_request(name: str, seen: dict[str, set[str]]) -> None:
    with request_context():
        for step in ("start", "end"):
            emit_structured_log(f"{name} {step}")
            seen[name].add(request_id_var.get())
            await asyncio.sleep(0.01)  # the other request runs here


async def main() -> None:
    seen: dict[str, set[str]] = {"checkout": set(), "refund": set()}
    # Each task runs in a copy of the current context, so each sees only its own id
    await asyncio.gather(handle_request("checkout", seen), handle_request("refund", seen))
    print(f"one id per request: {all(len(ids) == 1 for ids in seen.values())}")
    print(f"ids differ: {seen['checkout'] != seen['refund']}")


emit_structured_log("outside any request")  # Output: [Trace: unknown] outside any request
asyncio.run(main())
# Output: [Trace: ...] checkout start
# Output: [Trace: ...] refund start
# Output: [Trace: ...] checkout end
# Output: [Trace: ...] refund end
# Output: one id per request: True
# Output: ids differ: True
emit_structured_log("after the requests")  # Output: [Trace: unknown] after the requests
# --8<-- [end:usage]


# --8<-- [start:reset]
from concurrent.futures import ThreadPoolExecutor


# A pool thread keeps one context across the jobs it runs (an asyncio task gets its own copy)
def job_with_reset(job_id: str) -> None:
    with request_context():  # set() ... reset(token): the previous value is restored
        emit_structured_log(f"{job_id} done")


def job_without_reset(job_id: str) -> None:
    request_id_var.set(job_id)  # set() with no reset()


with ThreadPoolExecutor(max_workers=1) as pool:  # one worker thread, reused for every job
    pool.submit(job_with_reset, "job-1").result()  # Output: [Trace: ...] job-1 done
    print(pool.submit(request_id_var.get).result())  # Output: unknown
    pool.submit(job_without_reset, "job-2").result()
    print(pool.submit(request_id_var.get).result())  # Output: job-2
# --8<-- [end:reset]
