"""Site addition: what `yield from` forwards that a manual `for ... yield` loop does not."""


# --8<-- [start:demo]
from collections.abc import Generator


def accumulator() -> Generator[int, int, int]:
    """Sub-generator: sums values sent to it, returns the total when it gets 0."""
    total = 0
    while True:
        value = yield total
        if value == 0:
            return total
        total += value


def delegating() -> Generator[int, int, None]:
    # .send() values and the return value travel through `yield from` transparently
    result = yield from accumulator()
    print(f"sub-generator returned {result}")


def manual_loop() -> Generator[int, int, None]:
    # A plain loop re-yields values but drops whatever the caller sends
    for item in accumulator():  # noqa: UP028 (the manual loop is the point)
        yield item


gen = delegating()
next(gen)
gen.send(5)
print(gen.send(7))  # Output: 12
try:
    gen.send(0)  # Output: sub-generator returned 12
except StopIteration:
    print("delegating() finished")  # Output: delegating() finished

loop = manual_loop()
next(loop)
# The 5 never reaches accumulator(): the for loop calls next(), which sends None
try:
    loop.send(5)
except TypeError as exc:
    print(f"TypeError: {exc}")
    # Output: TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'
# --8<-- [end:demo]
