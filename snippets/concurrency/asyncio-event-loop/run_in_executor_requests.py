"""run_in_executor: a blocking `requests` call off the event loop (against a local server)."""

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


# Hidden setup: a local stand-in for https://httpbin.org/delay/N (no internet here).
class DelayHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        match = re.fullmatch(r"/delay/([\d.]+)", self.path)
        time.sleep(float(match.group(1)) if match else 0)
        body = b'{"ok": true}'
        self.send_response(200 if match else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), DelayHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
HTTPBIN = f"http://127.0.0.1:{server.server_port}"

# --8<-- [start:demo]
import asyncio

import requests


def blocking_io_operation():
    # Synchronous network request
    # handbook: https://httpbin.org/delay/2, without a timeout (see the erratum)
    response = requests.get(f"{HTTPBIN}/delay/1", timeout=10)
    return response.status_code


async def main():
    loop = asyncio.get_running_loop()
    # Offloads execution to default ThreadPoolExecutor without blocking event loop
    status = await loop.run_in_executor(None, blocking_io_operation)
    print(f"Finished with status: {status}")


# --8<-- [end:demo]


# --8<-- [start:usage]
import asyncio


async def main_with_heartbeat() -> None:
    ticks = 0

    async def heartbeat() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.05)

    monitor = asyncio.create_task(heartbeat())
    await main()  # Output: Finished with status: 200
    monitor.cancel()
    # The loop kept serving other tasks during the 1 s request
    print(f"heartbeats during the request >= 5: {ticks >= 5}")
    # Output: heartbeats during the request >= 5: True


asyncio.run(main_with_heartbeat())
# --8<-- [end:usage]
server.shutdown()
server.server_close()
