# /// verify
# timeout = 90  # two gunicorn servers, each importing FastAPI in a fresh worker
# ///
"""The handbook's CMD, `gunicorn --bind ... main:app`, serving the FastAPI app main.py."""

import subprocess
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def serve_one_request(*worker_args: str) -> tuple[int, str]:
    """Start gunicorn on a unix socket, send GET /health, stop it; return status and error log."""
    socket = Path("app.sock").absolute()
    server = subprocess.Popen(
        [GUNICORN, "--bind", f"unix:{socket}", "--workers", "1", "--pythonpath", str(HERE),
         *worker_args, "main:app"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        transport = httpx.HTTPTransport(uds=str(socket), retries=3)
        # The master binds the socket before its worker has imported the app: on a busy
        # machine the first answer can take longer than httpx's default 5 s, so wait for it
        with httpx.Client(transport=transport, base_url="http://app", timeout=30) as client:
            status = client.get("/health").status_code
    finally:
        server.terminate()
        _, log = server.communicate(timeout=10)
    return status, log


# --8<-- [start:demo]
# As written: gunicorn's default *sync* worker speaks WSGI, main:app is an ASGI app
status, log = serve_one_request()
print("default sync worker:", status)  # Output: default sync worker: 500
print(next(line for line in log.splitlines() if line.startswith("TypeError")))
# Output: TypeError: ...missing 1 required positional argument: 'send'

# With an ASGI worker class (package `uvicorn-worker`)
status, _ = serve_one_request("--worker-class", "uvicorn_worker.UvicornWorker")
print("uvicorn worker:", status)  # Output: uvicorn worker: 200
# --8<-- [end:demo]
