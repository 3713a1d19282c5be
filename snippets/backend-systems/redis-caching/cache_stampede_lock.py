# /// verify
# services = ["redis"]
# ///
from services import redis_client

r = redis_client()

# --8<-- [start:demo]
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

database_hits = 0
hits_lock = threading.Lock()


def load_report_from_db() -> str:
    global database_hits
    with hits_lock:
        database_hits += 1
    time.sleep(1.0)  # an expensive aggregate query, slower than the burst of requests
    return "report-v1"


def get_naive(key: str) -> str:
    value = r.get(key)
    if value is None:  # every concurrent miss rebuilds
        value = load_report_from_db()
        r.set(key, value, ex=60)
    return value


RELEASE = r.register_script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)


def get_with_mutex(key: str) -> str:
    while True:
        value = r.get(key)
        if value is not None:
            return value
        token = str(uuid.uuid4())
        if r.set(f"lock:{key}", token, nx=True, px=5_000):  # one rebuilder wins
            try:
                # check again: a caller that missed just before the previous winner stored
                # the value only gets the lock now, and must not rebuild it a second time
                value = r.get(key)
                if value is None:
                    value = load_report_from_db()
                    r.set(key, value, ex=60)
                return value
            finally:
                RELEASE(keys=[f"lock:{key}"], args=[token])
        time.sleep(0.02)  # the others wait for the winner instead of hitting the database


def stampede(getter: Callable[[str], str], callers: int = 20) -> list[str]:
    """The hot key has just expired; `callers` requests arrive at the same instant."""
    global database_hits
    r.delete("report:daily")
    database_hits = 0
    start = threading.Barrier(callers)

    def request(_: int) -> str:
        start.wait()
        return getter("report:daily")

    with ThreadPoolExecutor(callers) as pool:
        return list(pool.map(request, range(callers)))


results = stampede(get_naive)
print("without a lock, several of the 20 callers hit the database:", database_hits > 1)
# Output: without a lock, several of the 20 callers hit the database: True
results = stampede(get_with_mutex)
print("with the mutex, database hits:", database_hits)  # Output: with the mutex, database hits: 1
print("every caller got the value:", results == ["report-v1"] * 20)
# Output: every caller got the value: True
# --8<-- [end:demo]
