"""Secure file upload: the API hands out presigned S3 targets; bytes never touch the server."""


import os
import secrets

# Offline demo credentials (the example key ID from the AWS documentation, a throwaway random
# secret): presigning is local HMAC math, nothing is sent to AWS. In production, set none and
# let boto3 find the role.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", secrets.token_urlsafe(30))
AWS_REGION = os.environ.setdefault("AWS_REGION", "eu-west-1")
BUCKET = "uploads-bucket"
MAX_UPLOAD_BYTES = 10485760  # 10 MB

# --8<-- [start:logic]
import boto3
from botocore.config import Config

# Erratum fix: name the region and ask for Signature Version 4 explicitly
s3_client = boto3.client("s3", region_name=AWS_REGION, config=Config(signature_version="s3v4"))


def generate_presigned_upload_target(bucket: str, object_key: str, content_type: str) -> dict:
    # Offload heavy binary transfer overhead entirely bypassing application server memory
    response = s3_client.generate_presigned_post(
        Bucket=bucket,
        Key=object_key,
        Fields={"acl": "private", "Content-Type": content_type},
        Conditions=[
            {"acl": "private"},  # Erratum fix: every field in Fields needs its own condition
            {"Content-Type": content_type},  # site addition: the client cannot change the type
            ["content-length-range", 0, 10485760],  # Restrict maximum binary sizes (10MB)
        ],
        ExpiresIn=300,  # Enforce strict temporal window constraints
    )
    return response
# --8<-- [end:logic]


# --8<-- [start:endpoints]
import uuid
from pathlib import PurePosixPath
from urllib.parse import unquote_plus

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
ALLOWED_TYPES = {"image/png", "image/jpeg", "application/pdf"}
uploads: dict[str, str] = {}  # object key -> "pending" | "uploaded" (a table in production)


class UploadRequest(BaseModel):
    filename: str
    content_type: str


@app.post("/uploads", status_code=201)
def request_upload(request: UploadRequest) -> dict:
    # 1. The client asks for a target; the server decides the key, type and size limits
    if request.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="Unsupported file type")
    safe_name = PurePosixPath(request.filename.replace("\\", "/")).name or "file"
    object_key = f"uploads/{uuid.uuid4().hex}/{safe_name}"
    uploads[object_key] = "pending"
    target = generate_presigned_upload_target(BUCKET, object_key, request.content_type)
    # 2. The client POSTs the file straight to target["url"] with target["fields"]
    return {"key": object_key, "upload": target}


@app.post("/webhooks/s3")
def upload_completed(event: dict) -> dict:
    # S3 event notification (via SNS/SQS/EventBridge): the object now exists
    for record in event.get("Records", []):
        # S3 sends the key URL-encoded ("my cat.png" arrives as "my+cat.png")
        key = unquote_plus(record["s3"]["object"]["key"])
        if key in uploads:
            uploads[key] = "uploaded"  # here: enqueue virus scan, thumbnails...
    return {"status": "ok"}


@app.get("/uploads/{object_key:path}/download")
def download_link(object_key: str) -> dict:
    if uploads.get(object_key) != "uploaded":
        raise HTTPException(status_code=409, detail="Upload not completed")
    url = s3_client.generate_presigned_url(
        "get_object", Params={"Bucket": BUCKET, "Key": object_key}, ExpiresIn=60
    )
    return {"url": url}
# --8<-- [end:endpoints]


if __name__ == "__main__":
    import base64
    import json

    from fastapi.testclient import TestClient

    client = TestClient(app)
    issued = client.post("/uploads", json={"filename": "cat.png", "content_type": "image/png"})
    body = issued.json()
    print(issued.status_code, body["key"])  # Output: 201 uploads/.../cat.png
    print(body["upload"]["url"])  # Output: https://uploads-bucket.s3.amazonaws.com/
    fields = body["upload"]["fields"]
    print(fields["x-amz-algorithm"], fields["x-amz-credential"])
    # Output: AWS4-HMAC-SHA256 AKIAIOSFODNN7EXAMPLE/.../eu-west-1/s3/aws4_request
    for condition in json.loads(base64.b64decode(fields["policy"]))["conditions"][:3]:
        print(condition)
    # Output: {'acl': 'private'}
    # Output: {'Content-Type': 'image/png'}
    # Output: ['content-length-range', 0, 10485760]
    print(client.get(f"/uploads/{body['key']}/download").status_code)  # Output: 409
    client.post("/webhooks/s3", json={"Records": [{"s3": {"object": {"key": body["key"]}}}]})
    print(client.get(f"/uploads/{body['key']}/download").json()["url"])
    # Output: https://uploads-bucket.s3.amazonaws.com/uploads/.../cat.png?X-Amz-Algorithm=...
    print(client.post("/uploads", json={"filename": "x.exe",
                                        "content_type": "application/x-msdownload"}).json())
    # Output: {'detail': 'Unsupported file type'}
