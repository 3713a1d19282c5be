# --8<-- [start:demo]
import linecache
import tracemalloc

# Initialize tracing early in the application lifecycle
tracemalloc.start()


def log_memory_snapshot() -> None:
    snapshot = tracemalloc.take_snapshot()
    top_stats = snapshot.statistics("lineno")
    print("[Memory Profile] Top 3 allocations:")
    for stat in top_stats[:3]:
        print(f"{stat.count} memory blocks: {stat.size / 1024:.1f} KiB")
        frame = stat.traceback[0]
        line = linecache.getline(frame.filename, frame.lineno).strip()
        print(f" File: {frame.filename}:{frame.lineno} -> {line}")
# --8<-- [end:demo]


# --8<-- [start:leak]
# A leak to find: a module-level cache that only ever grows.
_seen_messages: list[bytes] = []


def handle_message(message_id: int) -> None:
    _seen_messages.append(bytes(1_000))  # the culprit: 1 KB kept per message


for message_id in range(10_000):
    handle_message(message_id)

log_memory_snapshot()
# Output: [Memory Profile] Top 3 allocations:
# Output: 1000... memory blocks: ... KiB
# Output:  File: ...tracemalloc_snapshot.py:... -> _seen_messages.append(bytes(1_000))...
# --8<-- [end:leak]
