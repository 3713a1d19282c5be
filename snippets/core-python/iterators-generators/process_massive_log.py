"""Streaming aggregation of a CSV log that is never loaded into memory as a whole."""

import os
import tracemalloc
from pathlib import Path

# Hidden setup: a generated access log (a few MB stands in for the 50 GB file).
LOG_PATH = Path("access_log.csv")
STATUSES = ["200", "200", "200", "201", "304", "404", "500"]
with LOG_PATH.open("w") as out:
    for i in range(70_000):
        out.write(f"2024-05-01T12:00:{i % 60:02d},/api/orders/{i},{STATUSES[i % 7]},{i % 250}ms\n")


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
tracemalloc.start()
counts = process_massive_log(LOG_PATH)
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()

print(dict(sorted(counts.items())))
# Output: {'200': 30000, '201': 10000, '304': 10000, '404': 10000, '500': 10000}
file_size = os.path.getsize(LOG_PATH)
print(f"file > 2 MB: {file_size > 2_000_000}")  # Output: file > 2 MB: True
# Peak Python allocations stay tiny and flat: one line (plus the read buffer) at a time
print(f"peak traced memory < 2% of the file: {peak < file_size * 0.02}")
# Output: peak traced memory < 2% of the file: True
# --8<-- [end:usage]
