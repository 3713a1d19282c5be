# /// verify
# ///
# --8<-- [start:demo]
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()
calls = {"get_settings": 0}


def get_settings() -> dict[str, str]:
    calls["get_settings"] += 1
    return {"region": "eu-west-1"}


def get_repository(settings: Annotated[dict[str, str], Depends(get_settings)]) -> str:
    return f"repo@{settings['region']}"


def get_notifier(settings: Annotated[dict[str, str], Depends(get_settings)]) -> str:
    return f"notifier@{settings['region']}"


@app.get("/report")
def report(
    repo: Annotated[str, Depends(get_repository)],
    notifier: Annotated[str, Depends(get_notifier)],
) -> dict[str, str]:
    return {"repo": repo, "notifier": notifier}


client = TestClient(app)
print(client.get("/report").json())
# Output: {'repo': 'repo@eu-west-1', 'notifier': 'notifier@eu-west-1'}
# Two dependencies need get_settings, yet it ran once for the request
print("get_settings calls after 1 request:", calls["get_settings"])
# Output: get_settings calls after 1 request: 1
client.get("/report")
print("get_settings calls after 2 requests:", calls["get_settings"])
# Output: get_settings calls after 2 requests: 2
# --8<-- [end:demo]
