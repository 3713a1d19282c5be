from __future__ import annotations

# --8<-- [start:demo]
import gc
import weakref


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.peer: Node | None = None


gc.disable()  # keep the automatic collector out of the way while we watch
a, b = Node("A"), Node("B")
a.peer, b.peer = b, a  # A -> B -> A: a reference cycle
probe = weakref.ref(a)  # observes A without keeping it alive

del a, b  # no names left, but each node still holds the other
print(probe() is not None)  # Output: True

unreachable = gc.collect()  # the cyclic collector finds the isolated cycle
print(unreachable >= 2, probe() is None)  # Output: True True
gc.enable()
# --8<-- [end:demo]
