# /// verify
# ///
# --8<-- [start:demo]
import asyncio
from typing import Any

from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


async def call_like_uvicorn() -> None:
    # What an ASGI server builds for `GET /health`: a scope dict plus two channels
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/health",
        "raw_path": b"/health",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }

    async def receive() -> dict[str, Any]:  # the request body arrives through here
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:  # the response leaves through here
        print(message["type"], message.get("status", message.get("body")))

    await app(scope, receive, send)


asyncio.run(call_like_uvicorn())
# Output: http.response.start 200
# Output: http.response.body b'{"status":"ok"}'
# --8<-- [end:demo]
