"""Site addition: the trap of a helper that returns a list and buffers the whole file."""

from pathlib import Path

LOG_PATH = Path("access_log.csv")
with LOG_PATH.open("w") as out:
    for i in range(50_000):
        out.write(f"2024-05-01T12:00:00,/api/orders/{i},{'200' if i % 4 else '500'},12ms\n")


# --8<-- [start:demo]
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path


def parse_status_codes_buffered(path: Path) -> list[str]:
    # BAD: the list comprehension reads and keeps every status code before returning
    with path.open() as file:
        return [line.split(",")[2] for line in file]


def parse_status_codes_streaming(path: Path) -> Iterable[str]:
    # GOOD: a generator hands over one code at a time
    with path.open() as file:
        for line in file:
            yield line.split(",")[2]


def count_errors(parse: Callable[[Path], Iterable[str]]) -> tuple[int, int]:
    tracemalloc.start()
    errors = sum(1 for code in parse(LOG_PATH) if code == "500")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return errors, peak


buffered_errors, buffered_peak = count_errors(parse_status_codes_buffered)
streaming_errors, streaming_peak = count_errors(parse_status_codes_streaming)
print(buffered_errors, streaming_errors)  # Output: 12500 12500
print(f"buffered peak is 10x the streaming peak: {buffered_peak > 10 * streaming_peak}")
# Output: buffered peak is 10x the streaming peak: True
# --8<-- [end:demo]
