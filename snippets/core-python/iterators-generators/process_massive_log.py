# /// verify
# timeout = 90  # writes and scans 37 MB of logs with tracemalloc on: 30+ s when oversubscribed
# ///
"""Streaming aggregation of a CSV log that is never loaded into memory as a whole."""

from pathlib import Path

# Hidden setup: two generated access logs, ~3 MB and ~34 MB, stand in for the 50 GB file.
STATUSES = ["200", "200", "200", "201", "304", "404", "500"]


def write_log(path: Path, lines: int) -> Path:
    with path.open("w") as out:
        for i in range(lines):
            out.write(f"2024-05-01T12:00:{i % 60:02d},/api/orders/{i},{STATUSES[i % 7]},"
                      f"{i % 250}ms\n")
    return path


LOG_PATH = write_log(Path("access_log.csv"), 70_000)
BIG_LOG_PATH = write_log(Path("access_log_10x.csv"), 700_000)


# --8<-- [start:demo]
def process_massive_log(file_path):
    status_counts = {}
    # File object is an iterator
    with open(file_path) as file:
        # Generator expression to extract status codes lazily
        status_codes = (line.split(",")[2].strip() for line in file if "," in line)
        for code in status_codes:
            status_counts[code] = status_counts.get(code, 0) + 1
    return status_counts


# --8<-- [end:demo]

# --8<-- [start:usage]
import io
import tracemalloc
from pathlib import Path


def peak_memory(file_path: Path) -> tuple[dict[str, int], int]:
    """The counts, and the peak of Python allocations while they were computed."""
    tracemalloc.start()
    counts = process_massive_log(file_path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return counts, peak


counts, peak = peak_memory(LOG_PATH)
print(dict(sorted(counts.items())))
# Output: {'200': 30000, '201': 10000, '304': 10000, '404': 10000, '500': 10000}
big_counts, big_peak = peak_memory(BIG_LOG_PATH)
print(f"file 10x larger: {BIG_LOG_PATH.stat().st_size > 10 * LOG_PATH.stat().st_size}")
# Output: file 10x larger: True
# Memory stays flat: one line plus the file's read buffer, whatever the file's size
print(f"peak memory within 10% for the 10x file: {big_peak < peak * 1.1}")
# Output: peak memory within 10% for the 10x file: True
print(f"peak is under 1% of the 10x file: {big_peak < BIG_LOG_PATH.stat().st_size * 0.01}")
# Output: peak is under 1% of the 10x file: True
print(f"read buffer: {io.DEFAULT_BUFFER_SIZE} bytes")  # Python 3.14 raised it from 8 KiB
# Output (Python 3.11-3.13): read buffer: 8192 bytes
# Output (Python 3.14+): read buffer: 131072 bytes
# --8<-- [end:usage]
