# /// verify
# ///
import os
import secrets

# Deployment configuration (a secret manager or the environment in production): a fresh random
# token each run, so no credential is written in the source
os.environ["API_TOKEN"] = secrets.token_urlsafe(32)

# --8<-- [start:demo]
import os
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel
from starlette.applications import Starlette

app = FastAPI()
API_TOKEN = os.environ["API_TOKEN"]  # never a literal in source code


class PayloadSchema(BaseModel):
    user_id: int
    content: str


# Dependency managing authorization validation logic cleanly
def verify_api_token(x_api_token: Annotated[str, Header()]) -> bool:
    # A header (not a query string, which lands in access logs), compared in constant time
    if not secrets.compare_digest(x_api_token.encode(), API_TOKEN.encode()):
        raise HTTPException(
            status_code=401, detail="Unauthorized access", headers={"WWW-Authenticate": "APIKey"}
        )
    return True


@app.post("/items/", dependencies=[Depends(verify_api_token)])
async def create_item(payload: PayloadSchema):
    return {"status": "success", "data": payload}


client = TestClient(app)
body = {"user_id": 7, "content": "hello"}

ok = client.post("/items/", headers={"X-API-Token": API_TOKEN}, json=body)
print(ok.status_code, ok.json())
# Output: 200 {'status': 'success', 'data': {'user_id': 7, 'content': 'hello'}}

wrong = client.post("/items/", headers={"X-API-Token": "guess"}, json=body)
print(wrong.status_code, wrong.json())  # Output: 401 {'detail': 'Unauthorized access'}

# Pydantic rejects a malformed body before the route body ever runs
bad = client.post("/items/", headers={"X-API-Token": API_TOKEN}, json={"user_id": "seven"})
print(bad.status_code, [err["loc"] for err in bad.json()["detail"]])
# Output: 422 [['body', 'user_id'], ['body', 'content']]

# FastAPI is a Starlette application; the type hints also become the OpenAPI docs at /docs
print("FastAPI subclasses Starlette:", issubclass(FastAPI, Starlette))
# Output: FastAPI subclasses Starlette: True
openapi = app.openapi()
fields = openapi["components"]["schemas"]["PayloadSchema"]["properties"]
print({name: spec["type"] for name, spec in fields.items()})
# Output: {'user_id': 'integer', 'content': 'string'}
operation = openapi["paths"]["/items/"]["post"]
print([(p["name"], p["in"]) for p in operation["parameters"]])
# Output: [('x-api-token', 'header')]
# --8<-- [end:demo]
