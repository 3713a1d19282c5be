"""Site addition: the iterable / iterator protocol written out by hand."""

from __future__ import annotations

# --8<-- [start:demo]
from collections.abc import Iterator


class Countdown:
    """An iterable: __iter__ returns a fresh iterator each time."""

    def __init__(self, start: int) -> None:
        self.start = start

    def __iter__(self) -> CountdownIterator:
        return CountdownIterator(self.start)


class CountdownIterator:
    """An iterator: keeps its own state and raises StopIteration when exhausted."""

    def __init__(self, current: int) -> None:
        self.current = current

    def __iter__(self) -> Iterator[int]:
        return self

    def __next__(self) -> int:
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


countdown = Countdown(3)
print(list(countdown))  # Output: [3, 2, 1]
print(list(countdown))  # Output: [3, 2, 1]

iterator = iter(countdown)
print(next(iterator), next(iterator), next(iterator))  # Output: 3 2 1
try:
    next(iterator)
except StopIteration:
    print("StopIteration: iterator exhausted")  # Output: StopIteration: iterator exhausted
# --8<-- [end:demo]
