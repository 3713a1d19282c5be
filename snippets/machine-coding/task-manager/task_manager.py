# /// verify
# services = ["postgres"]
# ///
"""Task manager API: PostgreSQL rows guarded by an optimistic-locking version counter."""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from services import database_url
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


# --8<-- [start:schema]
from sqlalchemy import Column, Integer, String


class Task(Base):
    __tablename__ = "tasks"
    id = Column(Integer, primary_key=True)
    title = Column(String(255), nullable=False)
    status = Column(String(50), default="PENDING")  # PENDING, IN_PROGRESS, COMPLETED
    version = Column(Integer, default=1, nullable=False)  # Optimistic concurrency control marker
# --8<-- [end:schema]


engine = create_engine(database_url("psycopg"), pool_size=10)


def get_db_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    Base.metadata.create_all(engine)
    yield
    engine.dispose()


app = FastAPI(lifespan=lifespan)
DbSession = Annotated[Session, Depends(get_db_session)]


# --8<-- [start:endpoints]
from fastapi import HTTPException


@app.put("/tasks/{task_id}/complete")
def complete_task(task_id: int, expected_version: int, db: DbSession):
    # Resolving concurrent task update operations using Optimistic Locking
    task = db.get(Task, task_id)
    if not task:
        raise HTTPException(status_code=404, detail="Task not found")
    if task.status == "COMPLETED":
        raise HTTPException(status_code=400, detail="Task already completed")
    # Execute conditional database update explicitly verifying version counters
    updated_rows = db.query(Task).filter(
        Task.id == task_id,
        Task.version == expected_version,  # Fails update if external worker modified record
    ).update({
        "status": "COMPLETED",
        "version": Task.version + 1,
    })
    db.commit()
    if updated_rows == 0:
        raise HTTPException(status_code=409, detail="Concurrent modification conflict. Retry.")
    return {"status": "Task successfully finalized"}
# --8<-- [end:endpoints]


# --8<-- [start:crud]
from fastapi import HTTPException
from pydantic import BaseModel


class TaskIn(BaseModel):
    title: str


class TaskOut(BaseModel):
    id: int
    title: str
    status: str
    version: int


def task_out(task: Task) -> TaskOut:
    return TaskOut(id=task.id, title=task.title, status=task.status, version=task.version)


@app.post("/tasks", status_code=201)
def create_task(payload: TaskIn, db: DbSession) -> TaskOut:
    task = Task(title=payload.title)
    db.add(task)
    db.commit()
    return task_out(task)


@app.get("/tasks/{task_id}")
def read_task(task_id: int, db: DbSession) -> TaskOut:
    task = db.get(Task, task_id)
    if not task:
        raise HTTPException(status_code=404, detail="Task not found")
    return task_out(task)


@app.put("/tasks/{task_id}")
def rename_task(task_id: int, payload: TaskIn, expected_version: int, db: DbSession) -> TaskOut:
    # every write bumps the version, so any reader holding the old version becomes stale
    updated_rows = db.query(Task).filter(
        Task.id == task_id, Task.version == expected_version
    ).update({"title": payload.title, "version": Task.version + 1})
    db.commit()
    if updated_rows == 0:
        raise HTTPException(status_code=409, detail="Concurrent modification conflict. Retry.")
    return read_task(task_id, db)
# --8<-- [end:crud]


# --8<-- [start:pessimistic]
from fastapi import HTTPException


@app.put("/tasks/{task_id}/complete-locked")
def complete_task_locked(task_id: int, db: DbSession):
    # Hot rows: SELECT ... FOR UPDATE queues writers instead of failing them with 409
    task = db.query(Task).filter(Task.id == task_id).with_for_update().first()
    if not task:
        raise HTTPException(status_code=404, detail="Task not found")
    if task.status == "COMPLETED":
        db.rollback()
        raise HTTPException(status_code=400, detail="Task already completed")
    task.status = "COMPLETED"
    task.version += 1
    db.commit()  # releases the row lock; the next queued writer now sees COMPLETED
    return {"status": "Task successfully finalized"}
# --8<-- [end:pessimistic]


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        print(client.post("/tasks", json={"title": "Write report"}).json())
        # Output: {'id': 1, 'title': 'Write report', 'status': 'PENDING', 'version': 1}
        # Two clients read version 1; client A renames the task first (version -> 2)
        renamed = client.put("/tasks/1", params={"expected_version": 1}, json={"title": "Report"})
        print(renamed.json()["version"])  # Output: 2
        # Client B still holds version 1: its completion is refused
        stale = client.put("/tasks/1/complete", params={"expected_version": 1})
        print(stale.status_code, stale.json())
        # Output: 409 {'detail': 'Concurrent modification conflict. Retry.'}
        # B re-reads, retries with the current version, and wins
        fresh = client.put("/tasks/1/complete", params={"expected_version": 2})
        print(fresh.status_code, fresh.json())
        # Output: 200 {'status': 'Task successfully finalized'}
        print(client.get("/tasks/1").json())
        # Output: {'id': 1, 'title': 'Report', 'status': 'COMPLETED', 'version': 3}
