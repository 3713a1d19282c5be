"""ProcessPoolExecutor.map across worker processes (and the same API with threads)."""

# --8<-- [start:demo]
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def compute_square(n):
    return n * n


# The __main__ guard (added on this site) is required wherever workers are started with
# "spawn" (macOS, Windows): each worker re-imports this module
if __name__ == "__main__":
    # Executing across parallel processes bypasses the GIL
    with ProcessPoolExecutor(max_workers=4) as executor:
        results = list(executor.map(compute_square, range(10)))
    print(results)  # Output: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]

    # The same interface with threads: one line changes, the GIL rules change with it
    with ThreadPoolExecutor(max_workers=4) as executor:
        print(list(executor.map(compute_square, range(10))))
    # Output: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
# --8<-- [end:demo]
