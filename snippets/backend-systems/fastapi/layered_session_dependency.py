# /// verify
# services = ["postgres"]
# ///
from services import database_url
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(database_url("psycopg"))
SessionLocal = sessionmaker(engine)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL)"))

# --8<-- [start:demo]
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session


# Database Dependency lifecycle management setup
def get_db_session():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


# Repositories layer: raw database access only
class UserRepository:
    def __init__(self, db: Annotated[Session, Depends(get_db_session)]) -> None:
        self.db = db

    def add(self, email: str) -> int:
        return self.db.execute(
            text("INSERT INTO users (email) VALUES (:email) RETURNING id"), {"email": email}
        ).scalar_one()

    def count(self) -> int:
        return self.db.execute(text("SELECT count(*) FROM users")).scalar_one()


# Services layer: business rules, no HTTP and no SQL
class UserService:
    def __init__(self, repo: Annotated[UserRepository, Depends()]) -> None:
        self.repo = repo

    def register(self, email: str) -> int:
        user_id = self.repo.add(email.strip().lower())
        self.repo.db.commit()
        return user_id


# Routers layer: HTTP in, schema out
class SignUp(BaseModel):
    email: str


app = FastAPI()


@app.post("/users", status_code=201)
def sign_up(body: SignUp, service: Annotated[UserService, Depends()]) -> dict[str, int]:
    return {"id": service.register(body.email)}


@app.get("/users/count")
def user_count(repo: Annotated[UserRepository, Depends()]) -> dict[str, int]:
    return {"users": repo.count()}


with TestClient(app) as client:
    for email in ["Ada@Example.com", "grace@example.com"]:
        r = client.post("/users", json={"email": email})
        print(r.status_code, r.json())
    print(client.get("/users/count").json())
# Output: 201 {'id': 1}
# Output: 201 {'id': 2}
# Output: {'users': 2}
# Every request got its own session, and each one gave its connection back
print("pooled connections still checked out:", engine.pool.checkedout())
# Output: pooled connections still checked out: 0
# --8<-- [end:demo]
