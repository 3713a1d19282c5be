# --8<-- [start:demo]
import sys

POINTER = 8  # bytes per slot on a 64-bit build
EMPTY = sys.getsizeof([])


def capacity(values: list[int]) -> int:
    """Slots allocated, read from the object's real size."""
    return (sys.getsizeof(values) - EMPTY) // POINTER


# Record the capacity each time an append triggers a resize.
values: list[int] = []
growth: list[tuple[int, int]] = []
for i in range(70):
    before = capacity(values)
    values.append(i)
    if capacity(values) != before:
        growth.append((len(values), capacity(values)))

print([size for size, _ in growth])  # Output: [1, 5, 9, 17, 25, 33, 41, 53, 65]
print([cap for _, cap in growth])  # Output: [4, 8, 16, 24, 32, 40, 52, 64, 76]


def handbook_formula(new_size: int) -> int:  # CPython <= 3.8
    return new_size + (new_size >> 3) + (3 if new_size < 9 else 6)


def cpython_311_formula(new_size: int) -> int:  # CPython 3.9+ (Objects/listobject.c)
    return (new_size + (new_size >> 3) + 6) & ~3


print([handbook_formula(size) for size, _ in growth])  # Output: [4, 8, 16, 25, 34, 43, 52, 65, 79]
print(all(cpython_311_formula(size) == cap for size, cap in growth))  # Output: True

# Over-allocation keeps appends O(1) amortized: very few of 100,000 appends reallocate.
values, resizes = [], 0
for i in range(100_000):
    before = capacity(values)
    values.append(i)
    resizes += capacity(values) != before
print(f"resizes for 100,000 appends: {resizes}")  # Output: resizes for 100,000 appends: ...
print(resizes < 100)  # Output: True
# --8<-- [end:demo]
