# /// verify
# services = ["postgres"]
# ///
from services import database_url

DATABASE_URL = database_url("psycopg")  # postgresql+psycopg://… of this sample's database

# --8<-- [start:demo]
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# Global state wrapper reference
db_pool: AsyncEngine | None = None


@asynccontextmanager
async def lifespan_manager(app: FastAPI):
    global db_pool
    # Startup lifecycle phase
    print("[Lifecycle] Initializing global database connection pools...")
    db_pool = create_async_engine(DATABASE_URL, pool_size=5)
    async with db_pool.connect() as conn:  # fail fast if the database is unreachable
        await conn.execute(text("SELECT 1"))
    yield
    # Shutdown lifecycle phase
    print("[Lifecycle] Draining and closing connections gracefully...")
    await db_pool.dispose()


app = FastAPI(lifespan=lifespan_manager)


@app.get("/ping-db")
async def ping_db() -> dict[str, object]:
    if db_pool is None:  # a request outside the lifespan (before startup or after shutdown)
        raise RuntimeError("the database pool is not open")
    async with db_pool.connect() as conn:  # borrowed from the pool, returned on exit
        answer = await conn.scalar(text("SELECT 'pong'"))
    return {"answer": answer, "idle_pooled_connections": db_pool.pool.checkedin()}


# Entering the client runs the startup phase; leaving it runs the shutdown phase
with TestClient(app) as client:
    # Output: [Lifecycle] Initializing global database connection pools...
    print(client.get("/ping-db").json())  # Output: {'answer': 'pong', 'idle_pooled_connections': 1}
    print(client.get("/ping-db").json())  # Output: {'answer': 'pong', 'idle_pooled_connections': 1}
# Output: [Lifecycle] Draining and closing connections gracefully...
print("idle connections after shutdown:", db_pool.pool.checkedin())
# Output: idle connections after shutdown: 0
# --8<-- [end:demo]
