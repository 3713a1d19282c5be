# /// verify
# services = ["redis"]
# ///
"""The handbook's ConnectionManager, run as written against a real Redis."""


import redis
from services import redis_url

cache = redis.Redis.from_url(redis_url(), decode_responses=True)


class FakeWebSocket:
    async def accept(self) -> None:
        pass


# --8<-- [start:demo]
import asyncio


class ConnectionManager:  # the handbook's code, verbatim
    def __init__(self):
        self.active_connections: dict[str, list] = {}
        self.pubsub = cache.pubsub()

    async def connect(self, ws, room_id: str):
        await ws.accept()
        if room_id not in self.active_connections:
            self.active_connections[room_id] = []
            # Subscribe instance node directly to dynamic Redis communication channel
            await self.pubsub.subscribe(f"room:{room_id}")
        self.active_connections[room_id].append(ws)


print(type(cache.pubsub().subscribe("room:lobby")))  # Output: <class 'NoneType'>
try:
    asyncio.run(ConnectionManager().connect(FakeWebSocket(), "lobby"))
except TypeError as exc:
    print("TypeError:", exc)
    # Output (Python 3.11-3.13): TypeError: object NoneType can't be used in 'await' expression
    # Output (Python 3.14+): TypeError: 'NoneType' object can't be awaited
# --8<-- [end:demo]
