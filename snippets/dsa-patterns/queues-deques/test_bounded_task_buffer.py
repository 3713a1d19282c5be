import threading
import time
from queue import Empty, Full

import pytest
from bounded_task_buffer import BoundedTaskBuffer


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError, match="capacity must be at least 1"):
        BoundedTaskBuffer(0)


def test_get_on_empty_buffer_times_out() -> None:  # empty input
    buffer: BoundedTaskBuffer[int] = BoundedTaskBuffer(3)
    start = time.monotonic()
    with pytest.raises(Empty):
        buffer.get(timeout=0.05)
    assert time.monotonic() - start >= 0.04


def test_put_on_full_buffer_times_out() -> None:  # no room: no answer
    buffer: BoundedTaskBuffer[int] = BoundedTaskBuffer(2)
    buffer.put(1)
    buffer.put(2)
    with pytest.raises(Full):
        buffer.put(3, timeout=0.05)
    assert len(buffer) == 2


def test_fifo_order_with_duplicates() -> None:
    buffer: BoundedTaskBuffer[str] = BoundedTaskBuffer(5)
    for task in ["a", "b", "a", "a", "c"]:
        buffer.put(task)
    assert [buffer.get() for _ in range(5)] == ["a", "b", "a", "a", "c"]
    assert len(buffer) == 0


def test_blocked_producer_resumes_when_a_consumer_takes() -> None:
    buffer: BoundedTaskBuffer[int] = BoundedTaskBuffer(1)
    buffer.put(1)
    done = threading.Event()

    def producer() -> None:
        buffer.put(2)  # blocks: the buffer is full
        done.set()

    thread = threading.Thread(target=producer)
    thread.start()
    assert not done.wait(0.05)  # still blocked
    assert buffer.get() == 1
    assert done.wait(2)
    thread.join()
    assert buffer.get() == 2


def test_many_producers_and_consumers() -> None:  # large input, real contention
    buffer: BoundedTaskBuffer[int] = BoundedTaskBuffer(8)
    producers, per_producer = 4, 2_500
    received: list[int] = []
    received_lock = threading.Lock()

    def produce(offset: int) -> None:
        for n in range(per_producer):
            buffer.put(offset + n, timeout=5)

    def consume(count: int) -> None:
        for _ in range(count):
            item = buffer.get(timeout=5)
            with received_lock:
                received.append(item)

    threads = [
        threading.Thread(target=produce, args=(p * per_producer,)) for p in range(producers)
    ]
    threads += [threading.Thread(target=consume, args=(per_producer,)) for _ in range(producers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(received) == list(range(producers * per_producer))  # each exactly once
    assert buffer.high_water <= 8
    assert len(buffer) == 0
