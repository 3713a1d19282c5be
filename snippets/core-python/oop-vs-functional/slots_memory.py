"""__slots__ versus a per-instance __dict__, measured with tracemalloc."""
# ruff: noqa: E501 (the 3.13+ AttributeError message is longer than a line)


# --8<-- [start:demo]
class StandardNode:
    pass


class SlottedNode:
    __slots__ = ("children", "id", "parent")

    def __init__(self, node_id):
        self.id = node_id
        self.parent = None
        self.children = []


# --8<-- [end:demo]


# --8<-- [start:usage]
import tracemalloc
from collections.abc import Callable


def make_standard(node_id: int) -> StandardNode:
    node = StandardNode()
    node.id, node.parent, node.children = node_id, None, None
    return node


def make_slotted(node_id: int) -> SlottedNode:
    node = SlottedNode(node_id)
    node.children = None  # share one object, so only the instance itself is measured
    return node


def bytes_per_instance(make: Callable[[int], object], touch_dict: bool = False) -> int:
    count = 10_000
    nodes: list[object] = [None] * count
    tracemalloc.start()
    for i in range(count):
        nodes[i] = make(7)
        if touch_dict:
            vars(nodes[i])  # anything that reads __dict__ materializes a real dict
    allocated, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(allocated / count)


standard = bytes_per_instance(make_standard)
standard_with_dict = bytes_per_instance(make_standard, touch_dict=True)
slotted = bytes_per_instance(make_slotted)
print(f"standard: {standard} B, after vars(): {standard_with_dict} B, slotted: {slotted} B")
# Output (Python 3.11, 3.13+): standard: 96 B, after vars(): 160 B, slotted: 56 B
# Output (Python 3.12): standard: 88 B, after vars(): 152 B, slotted: 56 B
print(f"slots save {round(100 * (1 - slotted / standard))}% per instance")
# Output (Python 3.11, 3.13+): slots save 42% per instance
# Output (Python 3.12): slots save 36% per instance

node = SlottedNode(1)
print(hasattr(node, "__dict__"))  # Output: False
try:
    node.name = "root"  # only the declared attributes exist
except AttributeError as exc:
    print(f"AttributeError: {exc}")
# Output (Python 3.11-3.12): AttributeError: 'SlottedNode' object has no attribute 'name'
# Output (Python 3.13+): AttributeError: 'SlottedNode' object has no attribute 'name' and no __dict__ for setting new attributes
# Each slot is a descriptor on the class that reads a fixed offset in the instance
print(type(SlottedNode.__dict__["id"]).__name__)  # Output: member_descriptor
# --8<-- [end:usage]
