# --8<-- [start:demo]
import time
import timeit

# Inserting or deleting at the front shifts every pointer behind it: the cost grows with the
# list. Appending at the tail does not.
SMALL, LARGE = 1_000, 100_000


def per_op(setup_size: int, stmt: str, number: int) -> float:
    items = list(range(setup_size))
    # insert and delete in pairs, so the list keeps its length while we measure; thread_time
    # counts only this thread's CPU time, so a busy machine that pauses us does not skew it
    times = timeit.repeat(stmt, globals={"items": items}, number=number, repeat=5,
                          timer=time.thread_time)
    return min(times) / number


front_small = per_op(SMALL, "items.insert(0, None); del items[0]", 2_000)
front_large = per_op(LARGE, "items.insert(0, None); del items[0]", 2_000)
tail_small = per_op(SMALL, "items.append(None); items.pop()", 100_000)
tail_large = per_op(LARGE, "items.append(None); items.pop()", 100_000)

print(f"front insert+delete, 100x longer list: {front_large / front_small:.1f}x the time")
# Output: front insert+delete, 100x longer list: ...x the time
print("front cost grows with N (>= 10x):", front_large >= 10 * front_small)
# Output: front cost grows with N (>= 10x): True
print("tail cost stays flat (< 3x):", tail_large < 3 * tail_small)
# Output: tail cost stays flat (< 3x): True
# --8<-- [end:demo]
