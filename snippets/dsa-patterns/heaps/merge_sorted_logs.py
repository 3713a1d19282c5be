# --8<-- [start:solution]
import heapq
from collections.abc import Iterable, Iterator

LogLine = tuple[int, str]  # (timestamp, message)


def merge_sorted_logs(log_files: Iterable[Iterable[LogLine]]) -> Iterator[LogLine]:
    """Merge K chronologically sorted logs into one timeline, lazily.

    The heap holds one (timestamp, file_index, message) entry per file that still has lines;
    ties on the timestamp come out in file order, and lines of one file keep their order.
    """
    readers = [iter(log_file) for log_file in log_files]
    heap: list[tuple[int, int, str]] = []
    for file_index, reader in enumerate(readers):
        first_line = next(reader, None)
        if first_line is not None:  # an empty file never enters the heap
            heap.append((first_line[0], file_index, first_line[1]))
    heapq.heapify(heap)
    while heap:
        timestamp, file_index, message = heap[0]
        yield timestamp, message
        next_line = next(readers[file_index], None)
        if next_line is None:
            heapq.heappop(heap)  # this file is exhausted
        else:
            heapq.heapreplace(heap, (next_line[0], file_index, next_line[1]))


if __name__ == "__main__":
    api_log = [(1, "api: GET /orders"), (4, "api: POST /orders"), (9, "api: GET /health")]
    db_log = [(2, "db: SELECT orders"), (4, "db: INSERT order")]
    worker_log = [(3, "worker: send email"), (10, "worker: retry")]
    for timestamp, message in merge_sorted_logs([api_log, db_log, worker_log]):
        print(timestamp, message)
    # Output: 1 api: GET /orders
    # Output: 2 db: SELECT orders
    # Output: 3 worker: send email
    # Output: 4 api: POST /orders
    # Output: 4 db: INSERT order
    # Output: 9 api: GET /health
    # Output: 10 worker: retry
# --8<-- [end:solution]
