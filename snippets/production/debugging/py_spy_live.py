# /// verify
# timeout = 60
# ///
BUSY_SERVICE = """
def checksum(n):
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1_000_003
    return total

def render_report():
    while True:
        checksum(200_000)

render_report()
"""

# --8<-- [start:demo]
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

# A stand-in for the production worker that pins a CPU: started, then inspected from outside.
worker = subprocess.Popen([sys.executable, "-c", BUSY_SERVICE])
time.sleep(0.5)
py_spy = shutil.which("py-spy")
if py_spy is None:
    raise SystemExit("py-spy not found: it is installed with the site's sample dependencies")
try:
    # One snapshot of every thread's Python stack, without stopping or modifying the process.
    dump = subprocess.run([py_spy, "dump", "--pid", str(worker.pid)],
                          capture_output=True, text=True, check=True).stdout
    for line in dump.splitlines():
        if line.startswith("Thread") or "(<string>" in line:
            print(line.rstrip())
    # Output: Thread ... (active...)
    # Output:     checksum (<string>:...)
    # Output:     render_report (<string>:10)

    # One second of sampling at 100 Hz in the collapsed-stack format flame graphs are drawn from.
    subprocess.run([py_spy, "record", "--pid", str(worker.pid), "--duration", "1", "--rate", "100",
                    "--format", "raw", "--output", "profile.txt", "--nonblocking"],
                   capture_output=True, check=True)
finally:
    worker.kill()
    worker.wait()

samples = Counter()
for stack_line in Path("profile.txt").read_text().splitlines():
    stack, _, count = stack_line.rpartition(" ")
    samples[stack.split(";")[-1].split(" ")[0]] += int(count)
hottest, _ = samples.most_common(1)[0]
print("hottest function:", hottest)  # Output: hottest function: checksum
# --8<-- [end:demo]
