# /// verify
# services = ["postgres"]
# ///
from services import database_url
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(database_url("psycopg"))
SessionLocal = sessionmaker(engine)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)"))
    conn.execute(text("INSERT INTO accounts VALUES (1, 100), (2, 0)"))

# --8<-- [start:demo]
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session


class InsufficientFunds(Exception):
    pass


def get_transactional_session() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db  # the route runs here; its exception is thrown back in at this line
        db.commit()
        print("[dependency] committed")
    except Exception as exc:
        db.rollback()
        print(f"[dependency] rolled back after {type(exc).__name__}")
        raise  # re-raise so the global exception handler can format the API error
    finally:
        db.close()


app = FastAPI()


@app.exception_handler(InsufficientFunds)
async def insufficient_funds_handler(request: Request, exc: InsufficientFunds) -> JSONResponse:
    return JSONResponse(status_code=409, content={"error": str(exc)})


@app.post("/transfer/{amount}")
def transfer(
    amount: int,
    # scope="function": commit/rollback run before the response is sent (FastAPI >= 0.121)
    db: Annotated[Session, Depends(get_transactional_session, scope="function")],
) -> dict[str, int]:
    db.execute(text("UPDATE accounts SET balance = balance + :a WHERE id = 2"), {"a": amount})
    balance = db.execute(
        text("UPDATE accounts SET balance = balance - :a WHERE id = 1 RETURNING balance"),
        {"a": amount},
    ).scalar_one()
    if balance < 0:  # both UPDATEs already ran inside the open transaction
        raise InsufficientFunds(f"account 1 would end at {balance}")
    return {"account_1": balance}


def balances() -> list[tuple[int, int]]:
    with SessionLocal() as db:
        return [tuple(row) for row in db.execute(text("SELECT * FROM accounts ORDER BY id"))]


with TestClient(app) as client:
    ok = client.post("/transfer/30")  # Output: [dependency] committed
    print(ok.status_code, ok.json(), balances())  # Output: 200 {'account_1': 70} [(1, 70), (2, 30)]
    failed = client.post("/transfer/500")
    # Output: [dependency] rolled back after InsufficientFunds
    print(failed.status_code, failed.json())  # Output: 409 {'error': 'account 1 would end at -430'}
    print("balances unchanged:", balances())  # Output: balances unchanged: [(1, 70), (2, 30)]
# --8<-- [end:demo]
