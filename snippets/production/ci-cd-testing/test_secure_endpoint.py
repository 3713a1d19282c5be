# --8<-- [start:demo]
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from orders_api import app


# Pytest fixture managing test application context scoping cleanly
@pytest.fixture(scope="module")
def api_client() -> Iterator[TestClient]:
    with TestClient(app) as client:  # runs the app's startup (lifespan) and, on exit, shutdown
        yield client
    # Teardown logic executes cleanly post-test completion


def test_secure_endpoint_rejection(api_client: TestClient) -> None:
    response = api_client.get("/secure")
    assert response.status_code == 401
# --8<-- [end:demo]


# --8<-- [start:accepted]
from fastapi.testclient import TestClient


def test_secure_endpoint_accepts_valid_token(api_client: TestClient) -> None:
    # CI injects ORDERS_API_TOKEN=test-token into the app's environment (conftest.py here)
    response = api_client.get("/secure", headers={"Authorization": "Bearer test-token"})
    assert response.status_code == 200
    assert response.json() == {"data": "secret"}


def test_secure_endpoint_rejects_wrong_token(api_client: TestClient) -> None:
    response = api_client.get("/secure", headers={"Authorization": "Bearer stolen"})
    assert response.status_code == 401
# --8<-- [end:accepted]


# --8<-- [start:lifespan]
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_lifespan_runs_only_inside_with() -> None:
    events: list[str] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        events.append("startup")  # e.g. open the database pool
        yield
        events.append("shutdown")  # e.g. close it

    demo = FastAPI(lifespan=lifespan)
    TestClient(demo).get("/")  # the handbook's form: no startup, no shutdown
    assert events == []
    with TestClient(demo) as client:
        client.get("/")
    assert events == ["startup", "shutdown"]
# --8<-- [end:lifespan]
