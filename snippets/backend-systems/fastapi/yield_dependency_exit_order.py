# /// verify
# ///
# --8<-- [start:demo]
import asyncio
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI

app = FastAPI()


def request_scoped() -> Iterator[str]:
    yield "default scope"
    print("teardown of scope='request' dependency")  # runs after the response is sent


def function_scoped() -> Iterator[str]:
    yield "function scope"
    print("teardown of scope='function' dependency")  # runs before the response is sent


@app.get("/")
def endpoint(
    a: Annotated[str, Depends(request_scoped)],
    b: Annotated[str, Depends(function_scoped, scope="function")],
) -> list[str]:
    print("route body")
    return [a, b]


async def serve_one_request() -> None:
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/", "raw_path": b"/", "root_path": "", "query_string": b"",
        "headers": [], "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        print("server sends", message["type"])

    await app(scope, receive, send)


asyncio.run(serve_one_request())
# Output: route body
# Output: teardown of scope='function' dependency
# Output: server sends http.response.start
# Output: server sends http.response.body
# Output: teardown of scope='request' dependency
# --8<-- [end:demo]
