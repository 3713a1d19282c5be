"""Site addition: threads for the downloads, a process pool for the CPU-bound resize."""


IMAGE_SIDE = 800  # a small greyscale "image": 800 x 800 pixels, one byte each


# --8<-- [start:demo]
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor


def download(key: str) -> bytes:
    time.sleep(0.1)  # network wait on S3: the GIL is released, downloads overlap
    return bytes([len(key) % 256]) * (IMAGE_SIDE * IMAGE_SIDE)


def resize_half(pixels: bytes) -> tuple[bytes, float]:
    # Native Python pixel loop: CPU-bound, holds the GIL
    started = time.thread_time()
    side = IMAGE_SIDE
    out = bytearray()
    for y in range(0, side, 2):
        row = y * side
        for x in range(0, side, 2):
            i = row + x
            out.append((pixels[i] + pixels[i + 1] + pixels[i + side] + pixels[i + side + 1]) // 4)
    return bytes(out), time.thread_time() - started  # result, CPU seconds this worker spent


def resize_all(executor: Executor, images: list[bytes]) -> tuple[float, float]:
    """Resize every image in the pool; return (wall seconds, CPU seconds summed over workers)."""
    start = time.perf_counter()
    results = list(executor.map(resize_half, images))
    wall = time.perf_counter() - start
    return wall, sum(cpu for _, cpu in results)


if __name__ == "__main__":
    keys = [f"uploads/img-{i}.png" for i in range(4)]
    with ThreadPoolExecutor(max_workers=4) as threads:
        start = time.perf_counter()
        images = list(threads.map(download, keys))  # I/O phase: threads are fine
        # one after another they would take at least 4 x 0.1 s
        print(f"4 downloads overlapped: {time.perf_counter() - start < 0.4}")
        # Output: 4 downloads overlapped: True

        # CPU phase in threads: with the GIL, the threads' CPU seconds can never add up to
        # more than the wall-clock seconds, because only one of them runs Python at a time
        thread_wall, thread_cpu = resize_all(threads, images[:2])
        print(f"threads used at most one core: {thread_cpu <= thread_wall * 1.1}")
        # Output: threads used at most one core: True

    # CPU phase in processes: one interpreter and one GIL per worker
    with ProcessPoolExecutor(max_workers=2) as processes:
        list(processes.map(abs, range(2)))  # start the workers before timing
        process_wall, process_cpu = resize_all(processes, images[:2])
    # The speedup depends on how many cores are idle on the build machine, so it is shown
    # rather than checked; on two free cores it approaches 2x
    print(f"resize: threads {thread_wall:.2f}s, processes {process_wall:.2f}s")
    # Output: resize: threads ...s, processes ...s
# --8<-- [end:demo]
