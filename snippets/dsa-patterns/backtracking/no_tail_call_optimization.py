# --8<-- [start:demo]
import sys
import traceback


def total_recursive(values: list[int], index: int = 0, running: int = 0) -> int:
    if index == len(values):
        return running
    return total_recursive(values, index + 1, running + values[index])  # a tail call


def total_iterative(values: list[int]) -> int:
    index, running = 0, 0
    while index < len(values):  # the same state, updated in place: one frame
        index, running = index + 1, running + values[index]
    return running


payload = list(range(5_000))
print(sys.getrecursionlimit())  # Output: 1000
try:
    total_recursive(payload)
except RecursionError as exc:
    frames = len(traceback.extract_tb(exc.__traceback__))
    print(f"RecursionError after {frames} frames")  # Output: RecursionError after ... frames
    print("one frame per call, none reused:", frames >= 990)
    # Output: one frame per call, none reused: True
print(total_iterative(payload))  # Output: 12497500
# --8<-- [end:demo]
