# /// verify
# ///
# --8<-- [start:demo]
from pathlib import Path

from fastapi import BackgroundTasks, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()


def write_audit_log(user_id: int):
    # Lightweight file I/O task
    print(f"[background] writing audit entry for user {user_id}")
    with open("audit.log", "a") as f:
        f.write(f"User {user_id} accessed system\n")


@app.get("/login/{user_id}")
async def login_endpoint(user_id: int, bg_tasks: BackgroundTasks):
    # Enqueue execution directly post-response delivery
    bg_tasks.add_task(write_audit_log, user_id)
    print(f"[endpoint] returning response for user {user_id}")
    return {"message": "Login successful"}


client = TestClient(app)
response = client.get("/login/42")
# Output: [endpoint] returning response for user 42
# Output: [background] writing audit entry for user 42
print(response.status_code, response.json())  # Output: 200 {'message': 'Login successful'}
print(Path("audit.log").read_text(), end="")  # Output: User 42 accessed system
# --8<-- [end:demo]

# --8<-- [start:order]
import asyncio
from typing import Any


async def serve_like_uvicorn(path: str) -> None:
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": b"", "headers": [], "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        print("server sends", message["type"])

    await app(scope, receive, send)


asyncio.run(serve_like_uvicorn("/login/7"))
# Output: [endpoint] returning response for user 7
# Output: server sends http.response.start
# Output: server sends http.response.body
# Output: [background] writing audit entry for user 7
# --8<-- [end:order]
