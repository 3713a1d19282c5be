# /// verify
# services = ["redis"]
# ///
import os
import secrets

from services import redis_client

redis_cache = redis_client()  # this sample's private Redis (REDIS_URL)
os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(32))  # the deployment's secret store

# --8<-- [start:demo]
import os
import time
from datetime import UTC, datetime, timedelta

import jwt

SECRET_KEY = os.environ["JWT_SECRET_KEY"]


def issue(user_id: int, lifetime: timedelta) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + lifetime}
    return jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def revoke(token: str) -> None:
    """Logout: blacklist the token's signature for exactly as long as the token stays valid."""
    claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    signature = token.rsplit(".", 1)[1]
    # EXAT: the key expires at the token's own `exp` (a Unix timestamp)
    redis_cache.set(f"blacklist:{signature}", "1", exat=claims["exp"])


def authenticate(token: str) -> str:
    claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])  # signature + exp first
    if redis_cache.exists(f"blacklist:{token.rsplit('.', 1)[1]}"):
        raise PermissionError("token revoked")
    return claims["sub"]


access_token = issue(42, timedelta(minutes=15))
print("before logout:", authenticate(access_token))  # Output: before logout: 42
revoke(access_token)
# Stateless verification alone cannot see the revocation: the token is still valid
print("jwt.decode alone:", jwt.decode(access_token, SECRET_KEY, algorithms=["HS256"])["sub"])
# Output: jwt.decode alone: 42
try:
    authenticate(access_token)
except PermissionError as exc:
    print("after logout:", exc)  # Output: after logout: token revoked

ttl = redis_cache.ttl(f"blacklist:{access_token.rsplit('.', 1)[1]}")
print("blacklist entry TTL within the token's 15 minutes:", 890 <= ttl <= 900)
# Output: blacklist entry TTL within the token's 15 minutes: True

# The entry never outlives the token, so the blacklist stays as small as the revoked set
short_lived = issue(7, timedelta(seconds=2))
revoke(short_lived)
time.sleep(2.1)
print("entries left once the token expired:", len(redis_cache.keys("blacklist:*")))
# Output: entries left once the token expired: 1
try:
    authenticate(short_lived)
except jwt.ExpiredSignatureError:
    print("the expired token is still refused, by its own exp")
# Output: the expired token is still refused, by its own exp
# --8<-- [end:demo]
