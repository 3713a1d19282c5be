# /// verify
# services = ["postgres"]
# timeout = 180
# ///
"""Drives the auth service's endpoints against a real PostgreSQL database."""

from collections.abc import Iterator

import jwt
import pytest
from auth_service import (
    JWT_SECRET,
    app,
    create_user,
    engine,
    get_password_hash,
    verify_password,
)
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

CREDENTIALS = {"email": "ada@example.com", "password": "correct horse"}


@pytest.fixture
def client() -> Iterator[TestClient]:
    # https base URL: the client only sends a Secure cookie back over HTTPS, like a browser
    with TestClient(app, base_url="https://testserver") as test_client:
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE users RESTART IDENTITY"))
        with Session(engine) as db:
            create_user(db, CREDENTIALS["email"], CREDENTIALS["password"])
            create_user(db, "gone@example.com", "correct horse", is_active=0)
        yield test_client


def test_hashes_are_salted_and_verifiable() -> None:
    first, second = get_password_hash("pw"), get_password_hash("pw")
    assert first != second  # random salt per hash
    assert verify_password("pw", first)
    assert verify_password("pw", second)
    assert not verify_password("pW", first)


def test_login_sets_secure_httponly_samesite_cookie(client: TestClient) -> None:
    response = client.post("/login", json=CREDENTIALS)
    assert response.status_code == 200
    assert response.json() == {"status": "authenticated"}

    assert len(response.headers.get_list("set-cookie")) == 1  # one token, not a pair
    set_cookie = response.headers["set-cookie"]
    attributes = {part.strip().split("=")[0].lower() for part in set_cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite", "max-age", "path"} <= attributes
    assert "SameSite=lax" in set_cookie
    assert "Max-Age=900" in set_cookie

    scheme, token = client.cookies["access_token"].strip('"').split(" ")
    assert scheme == "Bearer"
    claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    assert claims["sub"] == "1"
    assert claims["exp"] - claims["iat"] == 900


def test_cookie_authenticates_follow_up_requests(client: TestClient) -> None:
    assert client.get("/me").status_code == 401
    client.post("/login", json=CREDENTIALS)
    assert client.get("/me").json() == {"id": 1, "email": "ada@example.com"}


def test_secure_cookie_is_not_sent_over_plain_http(client: TestClient) -> None:
    client.post("/login", json=CREDENTIALS)
    assert client.get("http://testserver/me").status_code == 401


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "ada@example.com", "password": "wrong"},
        {"email": "nobody@example.com", "password": "correct horse"},
        {"email": "gone@example.com", "password": "correct horse"},  # is_active = 0
    ],
)
def test_bad_credentials_get_the_same_401(client: TestClient, payload: dict[str, str]) -> None:
    response = client.post("/login", json=payload)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid Credentials"}
    assert "set-cookie" not in response.headers


def test_tampered_token_is_rejected(client: TestClient) -> None:
    client.post("/login", json=CREDENTIALS)
    scheme, token = client.cookies["access_token"].strip('"').split(" ")
    client.cookies.clear()
    forged = client.get("/me", headers={"Cookie": f'access_token="{scheme} {token[:-2]}xx"'})
    assert forged.status_code == 401
    assert forged.json() == {"detail": "Invalid token"}
