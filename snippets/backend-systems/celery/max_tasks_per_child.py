# /// verify
# services = ["redis"]
# timeout = 60
# ///
from services import celery_broker_url

BROKER_URL = celery_broker_url()

# --8<-- [start:demo]
import os
import signal
import subprocess
import sys
from pathlib import Path

from celery import Celery

app = Celery("reports", broker=BROKER_URL, backend=BROKER_URL)
app.conf.worker_max_tasks_per_child = 2  # recycle each child after 2 tasks


@app.task(name="reports.render_report")  # same name in this script and in the worker
def render_report(n: int) -> int:
    return os.getpid()  # which child process ran this task?


if __name__ == "__main__":
    # A real worker process: `celery -A max_tasks_per_child worker --pool=prefork -c 1`
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "--quiet", "-A", Path(__file__).stem, "worker",
         "--pool=prefork", "--concurrency=1", "--loglevel=WARNING", "--without-mingle",
         "--without-gossip", "--without-heartbeat"],
        cwd=Path(__file__).parent,
    )
    try:
        pids = [render_report.delay(n).get(timeout=20) for n in range(4)]
    finally:
        worker.send_signal(signal.SIGTERM)  # warm shutdown: finish running tasks, then exit
        worker.wait(timeout=20)

    children = list(dict.fromkeys(pids))  # in order of first appearance
    print("child per task:", [f"child-{children.index(pid) + 1}" for pid in pids])
    # Output: child per task: ['child-1', 'child-1', 'child-2', 'child-2']
    print("tasks run by the worker's parent process:", pids.count(worker.pid))
    # Output: tasks run by the worker's parent process: 0
    print("worker exit code:", worker.returncode)  # Output: worker exit code: 0
# --8<-- [end:demo]
