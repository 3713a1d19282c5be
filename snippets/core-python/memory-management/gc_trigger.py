# --8<-- [start:demo]
import gc
import threading

print(gc.get_threshold())  # Output (Python 3.11): (700, 10, 10)

runs: list[tuple[int, bool]] = []


def on_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        runs.append((info["generation"], threading.current_thread() is threading.main_thread()))


gc.callbacks.append(on_gc)
keep = [[] for _ in range(50_000)]  # allocate container objects (lists are tracked by the GC)
gc.callbacks.remove(on_gc)

print(len(runs) > 0)  # Output: True
print(all(in_main_thread for _, in_main_thread in runs))  # Output: True
print(min(generation for generation, _ in runs))
# Output (Python 3.11-3.13, 3.14.5+): 0
# --8<-- [end:demo]
