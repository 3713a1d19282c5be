"""A lock held by a background thread at fork time stays locked forever in the child."""

# --8<-- [start:demo]
import multiprocessing as mp
import threading
import time

cache_lock = threading.Lock()  # e.g. a logging handler's or a connection pool's lock


def refresh_cache_in_background() -> None:
    with cache_lock:  # a background thread holds the lock...
        time.sleep(1.0)


def child_task(queue: mp.Queue) -> None:
    # ...so a forked child inherits it *locked*, with no thread that will ever release it.
    # A real child would call cache_lock.acquire() and hang forever; we give up after 0.5 s.
    acquired = cache_lock.acquire(timeout=0.5)
    queue.put(acquired)


def start_child(method: str) -> bool:
    context = mp.get_context(method)
    queue = context.Queue()
    child = context.Process(target=child_task, args=(queue,))
    child.start()
    acquired = queue.get()
    child.join()
    return acquired


# Explicitly forcing safe process generation context in multi-threaded application entrypoints
if __name__ == "__main__":
    mp.set_start_method("spawn")

    threading.Thread(target=refresh_cache_in_background, daemon=True).start()
    time.sleep(0.05)  # the background thread now holds cache_lock
    print(f"fork:  child acquired the lock: {start_child('fork')}")
    # Output: fork:  child acquired the lock: False
    print(f"spawn: child acquired the lock: {start_child('spawn')}")
    # Output: spawn: child acquired the lock: True
    print(mp.get_start_method())  # Output: spawn
# --8<-- [end:demo]
