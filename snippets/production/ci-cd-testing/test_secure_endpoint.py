# --8<-- [start:demo]
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from orders_api import app


# Pytest fixture managing test application context scoping cleanly
@pytest.fixture(scope="module")
def api_client() -> Iterator[TestClient]:
    client = TestClient(app)
    yield client
    # Teardown logic executes cleanly post-test completion
    client.close()


def test_secure_endpoint_rejection(api_client: TestClient) -> None:
    response = api_client.get("/secure")
    assert response.status_code == 401
# --8<-- [end:demo]


# --8<-- [start:accepted]
def test_secure_endpoint_accepts_valid_token(api_client: TestClient) -> None:
    response = api_client.get("/secure", headers={"Authorization": "Bearer test-token"})
    assert response.status_code == 200
    assert response.json() == {"data": "secret"}


def test_secure_endpoint_rejects_wrong_token(api_client: TestClient) -> None:
    response = api_client.get("/secure", headers={"Authorization": "Bearer stolen"})
    assert response.status_code == 401
# --8<-- [end:accepted]
