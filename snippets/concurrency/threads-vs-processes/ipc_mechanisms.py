"""Site addition: Pipe, Queue and shared memory between processes."""

# --8<-- [start:demo]
import multiprocessing as mp
from multiprocessing import shared_memory
from multiprocessing.connection import Connection


def pipe_worker(conn: Connection) -> None:
    request = conn.recv()
    conn.send(request.upper())  # bidirectional: answer on the same pipe
    conn.close()


def queue_worker(tasks: mp.Queue, results: mp.Queue) -> None:
    while (item := tasks.get()) is not None:
        results.put(item * 10)


def shm_worker(name: str, size: int) -> None:
    block = shared_memory.SharedMemory(name=name)
    for i in range(size):
        block.buf[i] = block.buf[i] * 2  # writes straight into the parent's memory
    block.close()


if __name__ == "__main__":
    parent_end, child_end = mp.Pipe()
    worker = mp.Process(target=pipe_worker, args=(child_end,))
    worker.start()
    parent_end.send("ping")
    print(f"pipe: {parent_end.recv()}")  # Output: pipe: PING
    worker.join()

    tasks, results = mp.Queue(), mp.Queue()
    worker = mp.Process(target=queue_worker, args=(tasks, results))
    worker.start()
    for item in (1, 2, 3):
        tasks.put(item)
    tasks.put(None)  # sentinel: no more work
    print(f"queue: {[results.get() for _ in range(3)]}")  # Output: queue: [10, 20, 30]
    worker.join()

    block = shared_memory.SharedMemory(create=True, size=4)
    block.buf[:4] = bytes([1, 2, 3, 4])
    worker = mp.Process(target=shm_worker, args=(block.name, 4))
    worker.start()
    worker.join()
    print(f"shared memory: {list(block.buf[:4])}")  # Output: shared memory: [2, 4, 6, 8]
    block.close()
    block.unlink()
# --8<-- [end:demo]
