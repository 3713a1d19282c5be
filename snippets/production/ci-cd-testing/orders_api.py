"""The small application the tests on this page run against (site addition)."""

import os
import secrets

# The deployment injects the token (the tests: conftest.py); a throwaway one when run alone
os.environ.setdefault("ORDERS_API_TOKEN", secrets.token_urlsafe(32))

# --8<-- [start:demo]
import hmac
import os
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

API_TOKEN = os.environ["ORDERS_API_TOKEN"]  # injected by the deployment; never in source
bearer = HTTPBearer()  # a request without `Authorization: Bearer ...` gets 401
app = FastAPI()


def require_token(
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
) -> None:
    if not hmac.compare_digest(credentials.credentials, API_TOKEN):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")


@app.get("/secure", dependencies=[Depends(require_token)])
def secure() -> dict[str, str]:
    return {"data": "secret"}


class WebhookService:
    """Notifies a partner's webhook; the tests must never reach the real partner."""

    url = "https://api.external.com/hook"

    def __init__(self, client: httpx.Client | None = None) -> None:
        self.client = client or httpx.Client(timeout=5.0)

    def dispatch_payload(self, payload: dict | None = None) -> bool:
        response = self.client.post(self.url, json=payload or {"event": "order.shipped"})
        return response.is_success
# --8<-- [end:demo]


if __name__ == "__main__":
    print(sorted(route.path for route in app.routes if route.path.startswith("/secure")))
    # Output: ['/secure']
