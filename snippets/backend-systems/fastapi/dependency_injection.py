# /// verify
# ///
# --8<-- [start:demo]
from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel

app = FastAPI()


class PayloadSchema(BaseModel):
    user_id: int
    content: str


# Dependency managing authorization validation logic cleanly
def verify_api_token(token: str) -> bool:
    if token != "supersecrettoken":
        raise HTTPException(status_code=401, detail="Unauthorized access")
    return True


@app.post("/items/", dependencies=[Depends(verify_api_token)])
async def create_item(payload: PayloadSchema):
    return {"status": "success", "data": payload}


client = TestClient(app)
body = {"user_id": 7, "content": "hello"}

# `token: str` in a dependency is a query parameter of every route that uses it
ok = client.post("/items/", params={"token": "supersecrettoken"}, json=body)
print(ok.status_code, ok.json())
# Output: 200 {'status': 'success', 'data': {'user_id': 7, 'content': 'hello'}}

wrong = client.post("/items/", params={"token": "guess"}, json=body)
print(wrong.status_code, wrong.json())  # Output: 401 {'detail': 'Unauthorized access'}

# Pydantic rejects a malformed body before the route body ever runs
bad = client.post("/items/", params={"token": "supersecrettoken"}, json={"user_id": "seven"})
print(bad.status_code, [err["loc"] for err in bad.json()["detail"]])
# Output: 422 [['body', 'user_id'], ['body', 'content']]
# --8<-- [end:demo]
