"""The handbook's generate_presigned_post call, run offline: what the policy actually says."""

import os
import secrets

import boto3

# fake credentials (AWS's documented example key ID, a throwaway random secret) and a region:
# presigning is local HMAC math, nothing is sent to AWS
s3_client = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key=secrets.token_urlsafe(30),
)

# --8<-- [start:demo]
import base64
import json

response = s3_client.generate_presigned_post(  # the handbook's call, verbatim
    Bucket="uploads-bucket",
    Key="avatars/42.png",
    Fields={"acl": "private"},
    Conditions=[
        ["content-length-range", 0, 10485760]  # Restrict maximum binary sizes (10MB)
    ],
    ExpiresIn=300,
)
print(sorted(response["fields"]))
# Output: ['AWSAccessKeyId', 'acl', 'key', 'policy', 'signature']
policy = json.loads(base64.b64decode(response["fields"]["policy"]))
for condition in policy["conditions"]:
    print(condition)
# Output: ['content-length-range', 0, 10485760]
# Output: {'bucket': 'uploads-bucket'}
# Output: {'key': 'avatars/42.png'}
print("acl is allowed by the policy:", {"acl": "private"} in policy["conditions"])
# Output: acl is allowed by the policy: False
# --8<-- [end:demo]

# The handbook's client with no credentials anywhere (no environment, no files, no instance
# metadata lookup, which would leave this machine): presigning fails with an unhelpful error.
os.environ.update(AWS_EC2_METADATA_DISABLED="true", AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
                  AWS_CONFIG_FILE="/nonexistent")
for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                 "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"):
    os.environ.pop(variable, None)
no_credentials = boto3.session.Session().client("s3", region_name="eu-west-1")
try:
    no_credentials.generate_presigned_post(Bucket="uploads-bucket", Key="a.png", ExpiresIn=300)
except AttributeError as exc:
    print("without credentials:", type(exc).__name__, exc)
    # Output: without credentials: AttributeError 'NoneType' object has no attribute 'access_key'
