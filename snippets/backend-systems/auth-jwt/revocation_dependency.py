# /// verify
# services = ["redis"]
# ///
import secrets
from datetime import UTC, datetime, timedelta

from services import redis_url

REDIS_URL = redis_url()
SECRET_KEY = secrets.token_urlsafe(32)  # in production: from the deployment's secret store


def issue(user_id: int, key: str = SECRET_KEY) -> str:
    import jwt

    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=15)}
    return jwt.encode(claims, key, algorithm="HS256")


# --8<-- [start:demo]
from contextlib import asynccontextmanager
from typing import Annotated

import jwt
import redis.asyncio as redis
from fastapi import Depends, FastAPI, HTTPException, Request

redis_cache = redis.Redis.from_url(REDIS_URL)  # asyncio client: awaiting it frees the loop


async def validate_token_state(request: Request):
    auth_header = request.headers.get("Authorization")
    if not auth_header or not auth_header.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="Missing Token")
    token = auth_header.split(" ")[1]
    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])  # signature, alg, exp
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status_code=401, detail="Invalid token") from exc
    # Query distributed memory cache to verify revocation state
    if await redis_cache.exists(f"blacklist:{token}"):
        raise HTTPException(status_code=401, detail="Token revoked")
    return claims


@asynccontextmanager
async def lifespan(app: FastAPI):
    yield
    await redis_cache.aclose()


app = FastAPI(lifespan=lifespan)


@app.get("/me")
async def me(claims: Annotated[dict, Depends(validate_token_state)]) -> dict[str, str]:
    return {"user": claims["sub"]}


@app.post("/logout")
async def logout(claims: Annotated[dict, Depends(validate_token_state)], request: Request):
    token = request.headers["Authorization"].split(" ")[1]
    await redis_cache.set(f"blacklist:{token}", "1", exat=claims["exp"])
    return {"status": "logged out"}
# --8<-- [end:demo]

# --8<-- [start:requests]
from fastapi.testclient import TestClient

token = issue(42)
bearer = {"Authorization": f"Bearer {token}"}
forged = {"Authorization": f"Bearer {issue(42, key='an-attackers-own-32-byte-secret!')}"}
with TestClient(app) as client:
    for label, response in [
        ("no header", client.get("/me")),
        ("forged", client.get("/me", headers=forged)),
        ("valid", client.get("/me", headers=bearer)),
        ("logout", client.post("/logout", headers=bearer)),
        ("after logout", client.get("/me", headers=bearer)),
    ]:
        print(f"{label:<13}", response.status_code, response.json())
# Output: no header     401 {'detail': 'Missing Token'}
# Output: forged        401 {'detail': 'Invalid token'}
# Output: valid         200 {'user': '42'}
# Output: logout        200 {'status': 'logged out'}
# Output: after logout  401 {'detail': 'Token revoked'}
# --8<-- [end:requests]
