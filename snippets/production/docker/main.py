"""The application the images above run: `main:app` (site addition)."""

# --8<-- [start:demo]
from fastapi import FastAPI
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
# --8<-- [end:demo]


if __name__ == "__main__":
    with TestClient(app) as client:
        response = client.get("/health")
        print(response.status_code, response.json())  # Output: 200 {'status': 'ok'}
