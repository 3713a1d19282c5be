# /// verify
# services = ["redis"]
# ///
"""Rate limiter: an HTTP middleware that asks a Redis Lua token bucket before every request."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import redis.asyncio as aioredis
from fastapi import FastAPI
from services import redis_url

# the token bucket script shown on the page, kept in its own file so Redis can run it alone
RATE_LIMIT_LUA = Path(__file__).with_name("token_bucket.lua").read_text()


def create_app(capacity: int = 100, refill_per_second: float = 100 / 60) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # one asyncio Redis client per running app, created on the loop that will use it
        cache = aioredis.Redis.from_url(redis_url())
        app.state.cache = cache
        # Erratum fix: register_script on the asyncio client returns an awaitable script
        app.state.rate_limit_script = cache.register_script(RATE_LIMIT_LUA)
        yield
        await cache.aclose()

    app = FastAPI(lifespan=lifespan)

    # --8<-- [start:endpoints]
    import math

    from fastapi import Request, Response

    @app.middleware("http")
    async def rate_limit_middleware(request: Request, call_next):
        client_ip = request.client.host  # behind a proxy: the trusted X-Forwarded-For hop
        bucket_key = f"rate:{client_ip}"
        # Execute validation script atomically: EVALSHA (SCRIPT LOAD + retry on NOSCRIPT)
        allowed, remaining, retry_after_ms = await request.app.state.rate_limit_script(
            keys=[bucket_key], args=[capacity, refill_per_second]
        )
        if not allowed:
            return Response(
                status_code=429,
                content="Too Many Requests",
                headers={"Retry-After": str(math.ceil(retry_after_ms / 1000))},
            )
        response = await call_next(request)
        response.headers["X-RateLimit-Remaining"] = str(remaining)
        return response
    # --8<-- [end:endpoints]

    @app.get("/api/ping")
    async def ping() -> dict[str, str]:
        return {"pong": "ok"}

    return app


app = create_app()  # 100 requests per minute, bursts of up to 100


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    # a small bucket for the demo: 3 requests, refilled at 1 token per minute
    with TestClient(create_app(capacity=3, refill_per_second=1 / 60)) as client:
        for attempt in range(1, 5):
            response = client.get("/api/ping")
            print(attempt, response.status_code, response.headers.get("X-RateLimit-Remaining"))
        # Output: 1 200 2
        # Output: 2 200 1
        # Output: 3 200 0
        # Output: 4 429 None
        print(response.text)  # Output: Too Many Requests
        print("retry in about a minute:", 55 <= int(response.headers["Retry-After"]) <= 60)
        # Output: retry in about a minute: True
