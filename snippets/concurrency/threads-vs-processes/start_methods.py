"""Site addition: the process start methods available here, and the platform default."""

# --8<-- [start:demo]
import multiprocessing as mp
import sys

print(sys.platform)  # Output: linux
# Python 3.14 lists the default first
print(mp.get_all_start_methods())
# Output (Python 3.11-3.13): ['fork', 'spawn', 'forkserver']
# Output (Python 3.14+): ['forkserver', 'fork', 'spawn']
# The default on Linux: fork up to Python 3.13, forkserver from 3.14
print(mp.get_start_method())
# Output (Python 3.11-3.13): fork
# Output (Python 3.14+): forkserver
# --8<-- [end:demo]
