# /// verify
# needs = ["user-namespaces"]  # it creates a PID namespace (`unshare --user --pid`) in the sandbox
# ///
"""What `docker stop` does to a Python process that runs as PID 1 (site addition).

Each scenario starts a program as PID 1 of a fresh PID namespace (`unshare --pid`, the same
kernel feature a container uses), sends it SIGTERM as `docker stop` would, and reports what
happened.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

# A stand-in for a gunicorn/uvicorn worker: it shuts down gracefully on SIGTERM. Like those
# servers, the handler only sets a flag: printing inside a handler can interrupt a print already in
# progress ("RuntimeError: reentrant call" when the signal lands during the "ready" line).
WORKER = """
import signal, threading
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
print("worker: ready", flush=True)
if stop.wait(30):
    print("worker: SIGTERM received, finished in-flight requests", flush=True)
"""

# --8<-- [start:programs]
# 1. A plain Python server: no SIGTERM handler of its own.
PLAIN_APP = """
import time
print("init: ready", flush=True)
time.sleep(30)
"""

# 2. A Python parent that exits on SIGTERM but does not forward it to its worker.
NO_FORWARDING = """
import signal, subprocess, sys
worker = subprocess.Popen([sys.executable, "-c", sys.argv[1]])
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
print("init: ready", flush=True)
worker.wait()
"""

# 3. What dumb-init / tini do: forward the signal to the child, then exit with its status.
FORWARDING_INIT = """
import signal, subprocess, sys
worker = subprocess.Popen([sys.executable, "-c", sys.argv[1]])
signal.signal(signal.SIGTERM, lambda signum, frame: worker.send_signal(signum))
print("init: ready", flush=True)
sys.exit(worker.wait())
"""
# --8<-- [end:programs]


def docker_stop(program: str, *, as_pid1: bool = True) -> tuple[bool, list[str]]:
    """Start `program`, send SIGTERM once it is ready; return (still running 1 s later, output)."""
    argv = [sys.executable, "-c", program, WORKER]
    if as_pid1:
        # root may create a PID namespace directly; others need a user namespace first
        user_ns = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
        argv = ["unshare", *user_ns, "--pid", "--fork", "--kill-child", *argv]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    waiting_for = {"init: ready"} | ({"worker: ready"} if "worker" in program else set())
    while waiting_for:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{argv[0]} exited with {proc.wait()} before it was ready")
        waiting_for.discard(line.strip())
    if as_pid1:  # the program is the child of `unshare`; in its namespace it is PID 1
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        target = int(children[0])
    else:
        target = proc.pid
    os.kill(target, signal.SIGTERM)
    try:
        proc.wait(timeout=1.0)
        still_running = False
    except subprocess.TimeoutExpired:
        still_running = True
        proc.kill()  # SIGKILL, what Docker sends after the grace period
        proc.wait()
    return still_running, [line.strip() for line in proc.stdout]


# --8<-- [start:demo]
running, _ = docker_stop(PLAIN_APP, as_pid1=False)
print(f"plain app, not PID 1: still running after SIGTERM: {running}")
# Output: plain app, not PID 1: still running after SIGTERM: False

running, _ = docker_stop(PLAIN_APP)
print(f"plain app as PID 1: still running after SIGTERM: {running}")
# Output: plain app as PID 1: still running after SIGTERM: True

_, output = docker_stop(NO_FORWARDING)
print(f"init without forwarding: worker shut down gracefully: {bool(output)}")
# Output: init without forwarding: worker shut down gracefully: False

_, output = docker_stop(FORWARDING_INIT)
print(f"forwarding init: worker shut down gracefully: {bool(output)}")
# Output: forwarding init: worker shut down gracefully: True
print(output[0])
# Output: worker: SIGTERM received, finished in-flight requests
# --8<-- [end:demo]
