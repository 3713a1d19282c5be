# /// verify
# ///
import os
import secrets

os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(32))  # the deployment's secret store

# --8<-- [start:demo]
import os
from datetime import UTC, datetime, timedelta

import jwt

SECRET_KEY = os.environ["JWT_SECRET_KEY"]  # never a literal in the source
now = datetime.now(UTC)
stale = jwt.encode(
    {"sub": "42", "iat": now - timedelta(minutes=20), "exp": now - timedelta(minutes=5)},
    SECRET_KEY,
    algorithm="HS256",
)

# PyJWT validates `exp` by default: an expired token is refused
try:
    jwt.decode(stale, SECRET_KEY, algorithms=["HS256"])
except jwt.ExpiredSignatureError as exc:
    print("rejected:", exc)  # Output: rejected: Signature has expired

# The trap: switching the check off (often "temporarily", to debug clock skew) accepts it
claims = jwt.decode(stale, SECRET_KEY, algorithms=["HS256"], options={"verify_exp": False})
print("accepted with verify_exp=False, sub =", claims["sub"])
# Output: accepted with verify_exp=False, sub = 42

# A token without any `exp` is valid forever unless you require the claim
forever = jwt.encode({"sub": "42"}, SECRET_KEY, algorithm="HS256")
print("no exp, default options:", jwt.decode(forever, SECRET_KEY, algorithms=["HS256"]))
# Output: no exp, default options: {'sub': '42'}
try:
    jwt.decode(forever, SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})
except jwt.MissingRequiredClaimError as exc:
    print("rejected:", exc)  # Output: rejected: Token is missing the "exp" claim

# Clock skew between services is handled with a small leeway, not by disabling the check
claims = jwt.decode(stale, SECRET_KEY, algorithms=["HS256"], leeway=timedelta(minutes=10))
print("accepted within 10 min leeway, sub =", claims["sub"])
# Output: accepted within 10 min leeway, sub = 42
# --8<-- [end:demo]
