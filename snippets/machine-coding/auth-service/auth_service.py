# /// verify
# services = ["postgres"]
# timeout = 90
# ///
"""Authentication service: password hashing, login, JWT in a secure HttpOnly cookie."""


from sqlalchemy.orm import declarative_base

Base = declarative_base()


# --8<-- [start:schema]
from sqlalchemy import Column, Integer, String


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String(255), unique=True, nullable=False, index=True)
    password_hash = Column(String(255), nullable=False)
    is_active = Column(Integer, default=1)
# --8<-- [end:schema]


# --8<-- [start:logic]
import base64
import hashlib
import hmac
import secrets

# Erratum fix: passlib is unmaintained and fails with bcrypt 5; the standard library's
# scrypt is a deliberately slow, memory-hard, salted KDF. OWASP's minimum cost: N=2**17, r=8,
# p=1 (128 MiB per hash, above OpenSSL's default 32 MiB limit, hence maxmem). The parameters
# travel with each hash, so they can be raised later and old hashes upgraded on the next login.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
SCRYPT_MAXMEM = 2**28  # 256 MiB: room for the 128 * r * N bytes the parameters need


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def get_password_hash(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=SCRYPT_MAXMEM)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(plain_password: str, hashed_password: str) -> bool:
    _, n, r, p, salt, digest = hashed_password.split("$")
    candidate = hashlib.scrypt(plain_password.encode(), salt=base64.b64decode(salt),
                               n=int(n), r=int(r), p=int(p), maxmem=SCRYPT_MAXMEM)
    return hmac.compare_digest(candidate, base64.b64decode(digest))  # constant-time compare
# --8<-- [end:logic]


import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from services import database_url
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_url("psycopg"))
# from the environment (a secret manager in production); a random key for the demo, >= 32 bytes
JWT_SECRET = os.environ.get("JWT_SECRET") or secrets.token_urlsafe(32)
ACCESS_TOKEN_TTL = timedelta(minutes=15)  # matches the cookie's max_age=900
# verified against when the e-mail is unknown, so both failures cost one hash (no user probing)
DUMMY_HASH = get_password_hash(secrets.token_urlsafe())


def get_db_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def generate_auth_token(user_id: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + ACCESS_TOKEN_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def create_user(db: Session, email: str, password: str, *, is_active: int = 1) -> User:
    user = User(email=email, password_hash=get_password_hash(password), is_active=is_active)
    db.add(user)
    db.commit()
    return user


# --8<-- [start:endpoints]
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

router = APIRouter()
DbSession = Annotated[Session, Depends(get_db_session)]


class LoginSchema(BaseModel):
    email: str
    password: str


@router.post("/login")
def login_user(payload: LoginSchema, response: Response, db: DbSession):
    user = db.query(User).filter(User.email == payload.email).first()
    # Site fixes: hash even for unknown e-mails, and refuse deactivated accounts
    password_ok = verify_password(payload.password, user.password_hash if user else DUMMY_HASH)
    if not user or not password_ok or not user.is_active:
        raise HTTPException(status_code=401, detail="Invalid Credentials")
    # Generate token pairs securely
    access_token = generate_auth_token(user.id)
    # Store token inside secure client boundary cookie structures
    response.set_cookie(
        key="access_token",
        value=f"Bearer {access_token}",
        httponly=True,
        samesite="lax",
        secure=True,  # Transmit exclusively over encrypted HTTPS connections
        max_age=900,
    )
    return {"status": "authenticated"}
# --8<-- [end:endpoints]


# --8<-- [start:me]
from typing import Annotated

import jwt
from fastapi import Cookie, HTTPException


@router.get("/me")  # site addition: a protected route that reads the cookie back
def read_me(db: DbSession, access_token: Annotated[str | None, Cookie()] = None):
    scheme, _, token = (access_token or "").partition(" ")
    if scheme != "Bearer" or not token:
        raise HTTPException(status_code=401, detail="Not authenticated")
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status_code=401, detail="Invalid token") from exc
    user = db.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise HTTPException(status_code=401, detail="Not authenticated")
    return {"id": user.id, "email": user.email}
# --8<-- [end:me]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    Base.metadata.create_all(engine)
    yield
    engine.dispose()


app = FastAPI(lifespan=lifespan)
app.include_router(router)


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    hashed = get_password_hash("s3cret!")
    print(hashed.rsplit("$", 2)[0])  # Output: scrypt$131072$8$1
    print(verify_password("s3cret!", hashed), verify_password("wrong", hashed))
    # Output: True False
    with TestClient(app, base_url="https://testserver") as client:  # Secure cookies need https
        with Session(engine) as db:
            create_user(db, "ada@example.com", "s3cret!")
        print(client.post("/login", json={"email": "ada@example.com", "password": "nope"}).json())
        # Output: {'detail': 'Invalid Credentials'}
        ok = client.post("/login", json={"email": "ada@example.com", "password": "s3cret!"})
        print(ok.status_code, ok.json())  # Output: 200 {'status': 'authenticated'}
        print(ok.headers["set-cookie"])
        # Output: access_token="Bearer ey..."; HttpOnly; Max-Age=900; Path=/; SameSite=lax; Secure
        print(client.get("/me").json())  # Output: {'id': 1, 'email': 'ada@example.com'}
