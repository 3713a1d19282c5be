#!/usr/bin/env bash
# Attaching gdb to deadlocked production processes to inspect low-level C stack frames
gdb -p 12345
# (gdb) py-bt   # Prints complete CPython internal execution stack traces

# The same, non-interactively, for every thread (site addition):
gdb -p 12345 -batch -ex "thread apply all py-bt"
# From a core dump instead of a live process (site addition):
gdb -batch -ex "thread apply all py-bt" "$(command -v python3)" core.12345
