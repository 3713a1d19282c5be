# /// verify
# ///
import os
import secrets

os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(32))  # the deployment's secret store

# --8<-- [start:demo]
import datetime
import os

import jwt

# Emitting a secure signed JWT
# HS256 key: at least 32 random bytes (RFC 7518 §3.2), injected by the deployment's secret store
SECRET_KEY = os.environ["JWT_SECRET_KEY"]


def generate_auth_token(user_id: int) -> str:
    payload = {
        "sub": str(user_id),
        "exp": datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=15),
        "iat": datetime.datetime.now(datetime.UTC),
        "role": "user",
    }
    # Uses secure HMAC SHA-256 symmetric signing algorithms
    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")


token = generate_auth_token(42)
print(token)  # Output: eyJ...
# --8<-- [end:demo]

# --8<-- [start:anatomy]
import base64
import json

import jwt

header_b64, payload_b64, signature_b64 = token.split(".")
print("parts:", len(token.split(".")))  # Output: parts: 3


def b64url_json(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


# Signed, not encrypted: anyone holding the token can read both halves
print(b64url_json(header_b64))  # Output: {'alg': 'HS256', 'typ': 'JWT'}
print(sorted(b64url_json(payload_b64).items()))
# Output: [('exp', ...), ('iat', ...), ('role', 'user'), ('sub', '42')]

# The round trip: signature checked, algorithm pinned, exp/iat validated
claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
print(claims["sub"], claims["role"], claims["exp"] - claims["iat"])  # Output: 42 user 900

# Integrity: promote ourselves to admin, keep the old signature
forged_payload = base64.urlsafe_b64encode(
    json.dumps({**claims, "role": "admin"}).encode()
).rstrip(b"=").decode()
try:
    jwt.decode(f"{header_b64}.{forged_payload}.{signature_b64}", SECRET_KEY, algorithms=["HS256"])
except jwt.InvalidSignatureError as exc:
    print("tampered token rejected:", exc)
# Output: tampered token rejected: Signature verification failed

# A short, guessable HMAC key is brute-forceable offline from any token: PyJWT warns
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    jwt.encode({"sub": "42"}, "secret", algorithm="HS256")
print(caught[0].category.__name__)  # Output: InsecureKeyLengthWarning
# --8<-- [end:anatomy]
