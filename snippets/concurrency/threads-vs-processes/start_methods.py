"""Site addition: the process start methods available here, and the platform default."""

# --8<-- [start:demo]
import multiprocessing as mp
import sys

print(sys.platform)  # Output: linux
print(mp.get_all_start_methods())  # Output: ['fork', 'spawn', 'forkserver']
# The default on Linux (and other POSIX systems except macOS) up to Python 3.13
print(mp.get_start_method())  # Output: fork
# --8<-- [end:demo]
