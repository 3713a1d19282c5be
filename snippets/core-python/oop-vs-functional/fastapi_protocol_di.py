"""Clean architecture in FastAPI: a Protocol interface injected with Depends."""


# isort: split
# --8<-- [start:demo]
from typing import Annotated, Protocol

from fastapi import Depends, FastAPI


# 1. Interface definition using Typing Protocols (Structural Subtyping)
class UserRepository(Protocol):
    def get_user_email(self, user_id: int) -> str: ...


# 2. Concrete Database Implementation
class PostgresUserRepository:
    def get_user_email(self, user_id: int) -> str:
        # Executes raw SQL query or ORM lookup
        return "production_user@company.com"


# 3. Service Layer depends strictly on the structural protocol interface
class UserOrchestrator:
    def __init__(self, repo: UserRepository):
        self.repo = repo

    def notify_user(self, user_id: int):
        email = self.repo.get_user_email(user_id)
        return f"Notified {email}"


# 4. Dependency Provider setup
def get_user_repo() -> UserRepository:
    return PostgresUserRepository()


app = FastAPI()


@app.get("/users/{user_id}/notify")
def notify_endpoint(user_id: int, repo: Annotated[UserRepository, Depends(get_user_repo)]):
    service = UserOrchestrator(repo)
    return {"status": service.notify_user(user_id)}


# --8<-- [end:demo]


# --8<-- [start:usage]
import asyncio

import httpx


async def call_endpoint() -> dict[str, str]:
    transport = httpx.ASGITransport(app=app)  # in-process: no server, no network
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return (await client.get("/users/7/notify")).json()


print(asyncio.run(call_endpoint()))  # Output: {'status': 'Notified production_user@company.com'}


# The payoff: tests swap the implementation without touching the route or the service
class FakeUserRepository:  # no inheritance needed: it just matches the Protocol
    def get_user_email(self, user_id: int) -> str:
        return f"user{user_id}@test.local"


app.dependency_overrides[get_user_repo] = FakeUserRepository
print(asyncio.run(call_endpoint()))  # Output: {'status': 'Notified user7@test.local'}
app.dependency_overrides.clear()
# --8<-- [end:usage]


# --8<-- [start:as_printed]
import asyncio

import httpx
from fastapi import Depends


# The handbook's form: the dependency as the parameter's default value (still supported)
@app.get("/v0/users/{user_id}/notify")
def notify_endpoint_as_printed(user_id: int, repo: UserRepository = Depends(get_user_repo)):  # noqa: B008
    service = UserOrchestrator(repo)
    return {"status": service.notify_user(user_id)}


async def call_as_printed() -> dict[str, str]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return (await client.get("/v0/users/7/notify")).json()


print(asyncio.run(call_as_printed()))  # Output: {'status': 'Notified production_user@company.com'}
# Called directly, outside FastAPI, the default is a Depends marker, not a repository
try:
    notify_endpoint_as_printed(7)
except AttributeError as exc:
    print(f"AttributeError: {exc}")
# Output: AttributeError: 'Depends' object has no attribute 'get_user_email'
# --8<-- [end:as_printed]
