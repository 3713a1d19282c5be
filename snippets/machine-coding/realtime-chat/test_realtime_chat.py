# /// verify
# services = ["redis"]
# ///
"""Two WebSocket clients chat through Redis pub/sub, on one node and across two nodes."""

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from fastapi.testclient import TestClient
from realtime_chat import ConnectionManager, create_app
from services import redis_client


@pytest.fixture
def node() -> Iterator[TestClient]:
    with TestClient(create_app()) as client:
        yield client


def subscribers(channel: str) -> int:
    return dict(redis_client().pubsub_numsub(channel))[channel]


def test_two_clients_exchange_messages(node: TestClient) -> None:
    with (
        node.websocket_connect("/ws/chat/lobby") as alice,
        node.websocket_connect("/ws/chat/lobby") as bob,
    ):
        assert subscribers("room:lobby") == 1  # one subscription per node, not per socket
        alice.send_text("hi bob")
        assert bob.receive_text() == "hi bob"
        assert alice.receive_text() == "hi bob"  # the sender sees its message in the room too
        bob.send_text("hi alice")
        assert alice.receive_text() == "hi alice"
        assert bob.receive_text() == "hi alice"


def test_messages_cross_server_nodes_through_redis() -> None:
    with (
        TestClient(create_app()) as node_a,
        TestClient(create_app()) as node_b,
        node_a.websocket_connect("/ws/chat/lobby") as alice,
        node_b.websocket_connect("/ws/chat/lobby") as bob,
    ):
        assert subscribers("room:lobby") == 2  # each node subscribed once
        alice.send_text("from node A")
        assert bob.receive_text() == "from node A"
        bob.send_text("from node B")
        assert alice.receive_text() == "from node A"
        assert alice.receive_text() == "from node B"


def test_rooms_are_isolated(node: TestClient) -> None:
    with (
        node.websocket_connect("/ws/chat/red") as red,
        node.websocket_connect("/ws/chat/blue") as blue,
    ):
        red.send_text("only for red")
        blue.send_text("only for blue")
        assert red.receive_text() == "only for red"
        assert blue.receive_text() == "only for blue"  # the red message never arrived here


def test_node_unsubscribes_when_the_last_member_leaves(node: TestClient) -> None:
    with node.websocket_connect("/ws/chat/lobby") as alice:
        alice.send_text("bye")
        assert alice.receive_text() == "bye"
        assert subscribers("room:lobby") == 1
    deadline = time.monotonic() + 2
    while subscribers("room:lobby") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert subscribers("room:lobby") == 0
    assert node.app.state.manager.active_connections == {}


def test_one_closed_socket_does_not_stop_the_room() -> None:
    class ClosedSocket:
        async def send_text(self, data: str) -> None:
            raise RuntimeError('Cannot call "send" once a close message has been sent.')

    class OpenSocket:
        def __init__(self) -> None:
            self.received: list[str] = []

        async def send_text(self, data: str) -> None:
            self.received.append(data)

    class TwoMessages:
        async def listen(self) -> AsyncIterator[dict]:
            for data in ("first", "second"):
                yield {"type": "message", "data": data}

    manager = ConnectionManager(cache=None)
    bob = OpenSocket()
    manager.active_connections["lobby"] = [ClosedSocket(), bob]
    asyncio.run(manager.forward("lobby", TwoMessages()))
    assert bob.received == ["first", "second"]  # the listener survived the closed socket
