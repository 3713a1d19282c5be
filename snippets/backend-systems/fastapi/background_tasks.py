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
