# /// verify
# ///
import os
import secrets

os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(32))  # the deployment's secret store

# --8<-- [start:demo]
import os

import jwt

SECRET_KEY = os.environ["JWT_SECRET_KEY"]  # never a literal in the source

# The attacker needs no key: header {"alg": "none"}, any claims, an empty signature
forged = jwt.encode({"sub": "1", "role": "admin"}, key=None, algorithm="none")
print(forged)  # Output: eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.
print(jwt.get_unverified_header(forged))  # Output: {'alg': 'none', 'typ': 'JWT'}

# Secure: an explicit whitelist of algorithms during parsing
try:
    jwt.decode(forged, SECRET_KEY, algorithms=["HS256"])
except jwt.InvalidAlgorithmError as exc:
    print("rejected:", exc)  # Output: rejected: The specified alg value is not allowed

# PyJWT 2 makes the whitelist mandatory: decode() without `algorithms` refuses to run
try:
    jwt.decode(forged, SECRET_KEY)
except jwt.DecodeError as exc:
    print("no algorithms given:", exc)
# Output: no algorithms given: It is required that you pass in a value for the "algorithms" ...

# Vulnerable: the moral equivalent of the early libraries — trusting what the token says
claims = jwt.decode(forged, options={"verify_signature": False})
print("accepted without verification:", claims)
# Output: accepted without verification: {'sub': '1', 'role': 'admin'}
# --8<-- [end:demo]
