# /// verify
# ///
# --8<-- [start:demo]
import time
import uuid

from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

app = FastAPI()


@app.get("/orders/{order_id}")
async def get_order(order_id: int) -> dict[str, int]:
    return {"order_id": order_id}


class RequestContextMiddleware(BaseHTTPMiddleware):
    """Runs around every request: tags it with an id and measures its latency."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = request.headers.get("X-Request-ID", str(uuid.uuid4()))
        started = time.perf_counter()
        response = await call_next(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response.headers["X-Request-ID"] = request_id
        response.headers["X-Process-Time-Ms"] = f"{elapsed_ms:.2f}"
        print(f"{request.method} {request.url.path} -> {response.status_code}")
        return response


app.add_middleware(RequestContextMiddleware)

client = TestClient(app)
ok = client.get("/orders/7", headers={"X-Request-ID": "req-123"})  # Output: GET /orders/7 -> 200
print(ok.headers["X-Request-ID"], ok.headers["X-Process-Time-Ms"])  # Output: req-123 ...
missing = client.get("/nowhere")  # Output: GET /nowhere -> 404
print("404s are intercepted too:", "X-Process-Time-Ms" in missing.headers)
# Output: 404s are intercepted too: True
# --8<-- [end:demo]
