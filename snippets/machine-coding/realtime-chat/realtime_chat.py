# /// verify
# services = ["redis"]
# ///
"""Real-time chat: FastAPI WebSockets on any number of nodes, joined by Redis pub/sub."""


# --8<-- [start:manager]
import asyncio
import contextlib

import redis.asyncio as aioredis
from fastapi import WebSocket, WebSocketDisconnect
from redis.asyncio.client import PubSub


class ConnectionManager:
    def __init__(self, cache: aioredis.Redis):
        self.cache = cache
        self.active_connections: dict[str, list[WebSocket]] = {}
        self.listeners: dict[str, tuple[PubSub, asyncio.Task]] = {}

    async def connect(self, ws: WebSocket, room_id: str):
        if room_id not in self.active_connections:
            self.active_connections[room_id] = []
            # Subscribe instance node directly to dynamic Redis communication channel
            pubsub = self.cache.pubsub()
            await pubsub.subscribe(f"room:{room_id}")
            await pubsub.get_message(timeout=1.0)  # Redis confirmed: the channel is live
            # Erratum fix: something must read the channel and push to the local sockets
            listener = asyncio.create_task(self.forward(room_id, pubsub))
            self.listeners[room_id] = (pubsub, listener)
        await ws.accept()
        self.active_connections[room_id].append(ws)

    async def forward(self, room_id: str, pubsub: PubSub):
        async for message in pubsub.listen():
            if message["type"] == "message":
                for ws in list(self.active_connections.get(room_id, [])):
                    try:
                        await ws.send_text(message["data"])
                    except (WebSocketDisconnect, RuntimeError, OSError):
                        # a socket that closed meanwhile: its own receive loop removes it;
                        # the room's other members must still get the message
                        continue

    async def disconnect(self, ws: WebSocket, room_id: str):
        self.active_connections[room_id].remove(ws)
        if not self.active_connections[room_id]:  # last local member left: unsubscribe
            del self.active_connections[room_id]
            pubsub, listener = self.listeners.pop(room_id)
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener
            await pubsub.aclose()
# --8<-- [end:manager]


from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from services import redis_url


def create_app() -> FastAPI:
    """One app = one server node; every node subscribes to the same Redis channels."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        cache = aioredis.Redis.from_url(redis_url(), decode_responses=True)
        app.state.manager = ConnectionManager(cache)
        yield
        for room_id in list(app.state.manager.listeners):
            for ws in list(app.state.manager.active_connections[room_id]):
                await app.state.manager.disconnect(ws, room_id)
        await cache.aclose()

    app = FastAPI(lifespan=lifespan)

    # --8<-- [start:endpoint]
    from fastapi import WebSocket, WebSocketDisconnect

    @app.websocket("/ws/chat/{room_id}")
    async def chat_endpoint(websocket: WebSocket, room_id: str):
        manager: ConnectionManager = websocket.app.state.manager
        await manager.connect(websocket, room_id)
        try:
            while True:
                # Await client payload ingress
                data = await websocket.receive_text()
                # Publish payload globally to distributed Redis coordination mesh
                await manager.cache.publish(f"room:{room_id}", data)
        except WebSocketDisconnect:
            await manager.disconnect(websocket, room_id)
    # --8<-- [end:endpoint]

    return app


app = create_app()


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    # two server nodes sharing one Redis, one user connected to each
    with (
        TestClient(create_app()) as node_a,
        TestClient(create_app()) as node_b,
        node_a.websocket_connect("/ws/chat/lobby") as alice,
        node_b.websocket_connect("/ws/chat/lobby") as bob,
    ):
        alice.send_text("hi from node A")
        print("bob got:", bob.receive_text())  # Output: bob got: hi from node A
        print("alice got:", alice.receive_text())  # Output: alice got: hi from node A
        bob.send_text("hello back")
        print("alice got:", alice.receive_text())  # Output: alice got: hello back
