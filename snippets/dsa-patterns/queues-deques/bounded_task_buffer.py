# --8<-- [start:solution]
import threading
from collections import deque
from queue import Empty, Full
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedTaskBuffer(Generic[T]):
    """A thread-safe FIFO buffer holding at most `capacity` tasks.

    put() blocks while the buffer is full and get() while it is empty; with a timeout they raise
    queue.Full / queue.Empty instead of waiting forever.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._items: deque[T] = deque()
        self._capacity = capacity
        self._lock = threading.Lock()
        self._not_full = threading.Condition(self._lock)  # both conditions share one lock
        self._not_empty = threading.Condition(self._lock)
        self.high_water = 0  # the largest size ever observed, for monitoring

    def put(self, item: T, timeout: float | None = None) -> None:
        with self._not_full:
            if not self._not_full.wait_for(lambda: len(self._items) < self._capacity, timeout):
                raise Full
            self._items.append(item)
            self.high_water = max(self.high_water, len(self._items))
            self._not_empty.notify()  # wake one waiting consumer

    def get(self, timeout: float | None = None) -> T:
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: len(self._items) > 0, timeout):
                raise Empty
            item = self._items.popleft()
            self._not_full.notify()  # wake one waiting producer
            return item

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


if __name__ == "__main__":
    buffer: BoundedTaskBuffer[str] = BoundedTaskBuffer(capacity=2)

    def produce() -> None:
        for n in range(1, 6):
            buffer.put(f"webhook-{n}")  # blocks whenever 2 tasks are already waiting

    producer = threading.Thread(target=produce)
    producer.start()
    print([buffer.get(timeout=5) for _ in range(5)])
    # Output: ['webhook-1', 'webhook-2', 'webhook-3', 'webhook-4', 'webhook-5']
    producer.join()
    print("never above capacity:", buffer.high_water <= 2)  # Output: never above capacity: True

    buffer.put("a")
    buffer.put("b")
    try:
        buffer.put("c", timeout=0.05)
    except Full:
        print("full: put timed out")  # Output: full: put timed out
# --8<-- [end:solution]
