import os
import sys
import tempfile


def allocator_stats() -> str:
    """sys._debugmallocstats() writes to the C-level stderr: capture file descriptor 2."""
    with tempfile.TemporaryFile(mode="w+") as capture:
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        return capture.read()


def stat(name: str) -> int:
    match = re.search(rf"# {name}\s*=\s*([\d,]+)", allocator_stats())
    if match is None:
        raise LookupError(f"{name} is not in sys._debugmallocstats() output")
    return int(match.group(1).replace(",", ""))


# --8<-- [start:sizes]
import re

stats = allocator_stats()
print(re.search(r"Small block threshold = \d+", stats).group())
# Output: Small block threshold = 512
arena = re.search(r"arenas \* (\d+) bytes/arena", stats).group(1)
pool = re.search(r"unused pools \* (\d+) bytes", stats).group(1)
print(f"arena: {int(arena) // 1024} KiB, pool: {int(pool) // 1024} KiB")
# Output: arena: 1024 KiB, pool: 16 KiB
# --8<-- [end:sizes]

# --8<-- [start:fragmentation]
baseline = stat("arenas allocated current")
floats = [float(i) for i in range(1_000_000)]  # ~24 MB of small objects
peak = stat("arenas allocated current")

survivors = floats[::20_000]  # keep 50 of a million objects alive
del floats
pinned = stat("arenas allocated current")

floats = [float(i) for i in range(1_000_000)]  # the same work again, e.g. the next batch
reused = stat("arenas allocated current")
del floats

del survivors
released = stat("arenas allocated current")

grown = peak - baseline
print(f"arenas grew by at least 20: {grown >= 20}")  # Output: arenas grew by at least 20: True
# 99.995% of the objects are gone, yet (almost) every arena stays mapped:
print(f"still mapped with 50 survivors: {pinned >= peak - 1}")
# Output: still mapped with 50 survivors: True
# Pinned arenas are reused by the next batch: memory stays at its peak, it does not keep growing
print(f"next batch needed at most 2 new arenas: {reused - pinned <= 2}")
# Output: next batch needed at most 2 new arenas: True
print(f"returned once the survivors went: {peak - released >= 0.8 * grown}")
# Output: returned once the survivors went: True
# --8<-- [end:fragmentation]
