# /// verify
# ///
import os
import secrets

os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(32))  # the deployment's secret store

# --8<-- [start:demo]
import os
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Cookie, FastAPI, HTTPException, Response
from fastapi.testclient import TestClient

SECRET_KEY = os.environ["JWT_SECRET_KEY"]  # never a literal in the source
app = FastAPI()


@app.post("/login")
def login(response: Response) -> dict[str, str]:
    now = datetime.now(UTC)
    token = jwt.encode({"sub": "42", "exp": now + timedelta(minutes=15)}, SECRET_KEY, "HS256")
    response.set_cookie(
        "access_token",
        token,
        max_age=15 * 60,
        httponly=True,  # invisible to document.cookie: XSS cannot read it
        secure=True,  # only sent over HTTPS
        samesite="strict",  # not attached to requests started by other sites (CSRF)
    )
    return {"status": "logged in"}  # the token is not in the body either


@app.get("/me")
def me(access_token: Annotated[str | None, Cookie()] = None) -> dict[str, str]:
    if access_token is None:
        raise HTTPException(status_code=401, detail="Not authenticated")
    return {"user": jwt.decode(access_token, SECRET_KEY, algorithms=["HS256"])["sub"]}


client = TestClient(app, base_url="https://testserver")  # Secure cookies need HTTPS
login_response = client.post("/login")
print(login_response.json())  # Output: {'status': 'logged in'}
print(login_response.headers["set-cookie"])
# Output: access_token=eyJ...; HttpOnly; Max-Age=900; Path=/; SameSite=strict; Secure
print(client.get("/me").json())  # Output: {'user': '42'}

# Same cookie jar, plain HTTP: the Secure cookie is not sent
print(client.get("http://testserver/me").status_code)  # Output: 401
# --8<-- [end:demo]
