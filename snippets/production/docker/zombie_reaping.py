"""Orphans are adopted by PID 1, and only PID 1 can reap them (site addition).

PR_SET_CHILD_SUBREAPER makes this process adopt orphaned descendants, the job PID 1 has inside a
container, so the effect is visible without starting a container.
"""

import ctypes

PR_SET_CHILD_SUBREAPER = 36
libc = ctypes.CDLL(None, use_errno=True)


def status_field(pid: int, name: str) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    return "?"


# --8<-- [start:demo]
import os
import subprocess
import time
from pathlib import Path

# Act as the container's PID 1: orphaned descendants are re-parented to us.
libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

# A shell-out that backgrounds a helper and exits (think `sh -c "convert ... &"`).
shell = subprocess.run(
    ["/bin/sh", "-c", "sleep 0.2 >/dev/null & echo $!"], capture_output=True, text=True, check=True
)
orphan = int(shell.stdout)
print(f"orphan adopted by us: {status_field(orphan, 'PPid') == str(os.getpid())}")
# Output: orphan adopted by us: True

time.sleep(0.5)  # the orphan finishes; nobody has called wait() for it
print(f"orphan state: {status_field(orphan, 'State')}")
# Output: orphan state: Z (zombie)

# What tini / dumb-init do in their main loop: reap every exited child.
reaped = []
while True:
    try:
        pid, _status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:  # no children left at all
        break
    if pid == 0:  # children exist, none has exited yet
        break
    reaped.append(pid)
print(f"reaped the zombie: {orphan in reaped}, still in the process table: "
      f"{Path(f'/proc/{orphan}').exists()}")
# Output: reaped the zombie: True, still in the process table: False
# --8<-- [end:demo]
