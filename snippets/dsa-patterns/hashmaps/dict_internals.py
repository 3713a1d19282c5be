# --8<-- [start:order]
# Iteration follows the compact entries array (insertion order), not the hash slots.
keys = [97, 1, 64, 8, 33]  # a small int hashes to itself
routes = dict.fromkeys(keys, "handler")
print(list(routes))  # Output: [97, 1, 64, 8, 33]
print([hash(k) % 8 for k in keys])  # Output: [1, 1, 0, 0, 1]
# --8<-- [end:order]

# --8<-- [start:entries]
import sys

# Same table size (8 slots, room for 5 entries), two kinds of keys.
int_keyed = {i: None for i in range(5)}
str_keyed = {str(i): None for i in range(5)}
print(sys.getsizeof(int_keyed), sys.getsizeof(str_keyed))  # Output (Python 3.11): 224 184
print(sys.getsizeof(int_keyed) - sys.getsizeof(str_keyed))  # Output: 40
# 40 bytes = 5 entries x 8 bytes: entries of an all-str dict hold no hash (Python 3.11+).
print((sys.getsizeof(int_keyed) - sys.getsizeof(str_keyed)) // 5)  # Output: 8
# --8<-- [end:entries]


# --8<-- [start:probing]
PERTURB_SHIFT = 5  # Objects/dictobject.c


def probe_sequence(hash_value: int, table_size: int, steps: int) -> list[int]:
    """The slots CPython's lookup visits for one hash, in order (a model of lookdict)."""
    mask = table_size - 1  # table_size is 2**i, so `& mask` is `mod 2**i`
    perturb = hash_value % 2**64  # the hash as an unsigned 64-bit size_t
    j = hash_value & mask
    slots = [j]
    while len(slots) < steps:
        perturb >>= PERTURB_SHIFT  # the step the formula leaves implicit
        j = (5 * j + 1 + perturb) & mask
        slots.append(j)
    return slots


# Once perturb has shifted down to 0, j = 5j + 1 mod 2**i visits every slot.
print(probe_sequence(8, 8, 8))  # Output: [0, 1, 6, 7, 4, 5, 2, 3]
print(set(probe_sequence(hash("order:42"), 8, 24)) == set(range(8)))  # Output: True


# The model against the real interpreter: 100 keys that all hash to 42.
class CollidingKey:
    comparisons = 0

    def __init__(self, name: str) -> None:
        self.name = name

    def __hash__(self) -> int:
        return 42

    def __eq__(self, other: object) -> bool:
        CollidingKey.comparisons += 1
        return isinstance(other, CollidingKey) and self.name == other.name


table = {CollidingKey(f"user:{i}"): i for i in range(100)}  # a 256-slot table by now
CollidingKey.comparisons = 0
print(table[CollidingKey("user:99")])  # Output: 99
print("__eq__ calls:", CollidingKey.comparisons)  # Output: __eq__ calls: 101

# The model: probes until the 100th distinct slot (one slot is revisited on the way).
chain = probe_sequence(42, 256, 1_000)
print("model probes:", next(n for n in range(1, 1_000) if len(set(chain[:n])) == 100))
# Output: model probes: 101
# --8<-- [end:probing]
