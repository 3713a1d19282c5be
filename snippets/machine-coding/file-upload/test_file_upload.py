"""Presigned upload targets generated and checked offline: no network, fake credentials."""

import base64
import hashlib
import hmac
import json
import os
import socket
from datetime import UTC, datetime
from urllib.parse import parse_qs, quote_plus, urlsplit

import file_upload
import pytest
from fastapi.testclient import TestClient

SECRET = os.environ["AWS_SECRET_ACCESS_KEY"]  # the throwaway key file_upload.py signs with


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def client() -> TestClient:
    file_upload.uploads.clear()
    return TestClient(file_upload.app)


def request_png(client: TestClient, filename: str = "cat.png") -> dict:
    response = client.post("/uploads", json={"filename": filename, "content_type": "image/png"})
    assert response.status_code == 201
    return response.json()


def sigv4_signature(string_to_sign: str, date: str, region: str) -> str:
    """Recompute an AWS Signature Version 4 by hand, independently of botocore."""
    key = f"AWS4{SECRET}".encode()
    for part in (date, region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()


def test_presigned_post_target_is_signed_v4(client: TestClient) -> None:
    body = request_png(client)
    assert body["upload"]["url"] == "https://uploads-bucket.s3.amazonaws.com/"
    fields = body["upload"]["fields"]
    assert fields["key"] == body["key"]
    assert fields["acl"] == "private"
    assert fields["Content-Type"] == "image/png"
    assert fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256"
    access_key, date, region, service, terminator = fields["x-amz-credential"].split("/")
    assert (access_key, region, service, terminator) == (
        "AKIAIOSFODNN7EXAMPLE", "eu-west-1", "s3", "aws4_request")
    # for a POST policy, the string to sign is the base64 policy document itself
    assert fields["x-amz-signature"] == sigv4_signature(fields["policy"], date, region)


def test_policy_enforces_acl_type_size_key_and_expiry(client: TestClient) -> None:
    body = request_png(client)
    policy = json.loads(base64.b64decode(body["upload"]["fields"]["policy"]))
    conditions = policy["conditions"]
    assert {"acl": "private"} in conditions
    assert {"Content-Type": "image/png"} in conditions
    assert ["content-length-range", 0, 10485760] in conditions
    assert {"bucket": "uploads-bucket"} in conditions
    assert {"key": body["key"]} in conditions
    expires = datetime.strptime(policy["expiration"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 290 <= (expires - datetime.now(UTC)).total_seconds() <= 300


def test_server_chooses_the_key(client: TestClient) -> None:
    first, second = request_png(client, "../../etc/passwd"), request_png(client, "../../etc/passwd")
    assert first["key"].startswith("uploads/")
    assert first["key"].endswith("/passwd")
    assert ".." not in first["key"]
    assert first["key"] != second["key"]  # no client can overwrite another's object


def test_unsupported_type_is_refused(client: TestClient) -> None:
    response = client.post("/uploads", json={"filename": "a.sh", "content_type": "text/x-sh"})
    assert response.status_code == 415


def test_download_link_only_after_the_upload_webhook(client: TestClient) -> None:
    key = request_png(client)["key"]
    assert client.get(f"/uploads/{key}/download").status_code == 409
    event = {"Records": [{"s3": {"object": {"key": key}}}]}
    assert client.post("/webhooks/s3", json=event).json() == {"status": "ok"}

    url = urlsplit(client.get(f"/uploads/{key}/download").json()["url"])
    assert url.path == f"/{key}"
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert query["X-Amz-Expires"] == "60"
    assert query["X-Amz-Credential"].startswith("AKIAIOSFODNN7EXAMPLE/")
    assert len(query["X-Amz-Signature"]) == 64


def test_webhook_decodes_the_url_encoded_key(client: TestClient) -> None:
    key = request_png(client, "my cat.png")["key"]
    assert key.endswith("/my cat.png")
    event = {"Records": [{"s3": {"object": {"key": quote_plus(key, safe="/")}}}]}  # as S3 sends it
    client.post("/webhooks/s3", json=event)
    assert client.get(f"/uploads/{key}/download").status_code == 200
