# --8<-- [start:demo]
import tracemalloc
from array import array

NODES, FAN_OUT = 10_000, 3


def neighbor_ids(i: int) -> list[int]:
    return [(i * 7 + k) % NODES for k in range(1, FAN_OUT + 1)]


class ServiceNode:  # 1. dynamic class instances linked by references
    def __init__(self, name: str) -> None:
        self.name = name
        self.neighbors: list[ServiceNode] = []


def object_graph() -> list[ServiceNode]:
    nodes = [ServiceNode(f"svc-{i}") for i in range(NODES)]
    for i, node in enumerate(nodes):
        node.neighbors = [nodes[j] for j in neighbor_ids(i)]
    return nodes


def dict_of_index_lists() -> tuple[list[str], dict[int, list[int]]]:  # 2. integer indices
    names = [f"svc-{i}" for i in range(NODES)]  # node id -> name, stored once
    return names, {i: neighbor_ids(i) for i in range(NODES)}


def flat_index_arrays() -> tuple[list[str], array, array]:  # 3. CSR: two flat C int arrays
    names = [f"svc-{i}" for i in range(NODES)]
    offsets = array("i", range(0, NODES * FAN_OUT + 1, FAN_OUT))  # node i: targets[off[i]:off[i+1]]
    targets = array("i", (j for i in range(NODES) for j in neighbor_ids(i)))
    return names, offsets, targets


def mib_allocated(build) -> float:
    tracemalloc.start()
    graph = build()  # noqa: F841 - alive while measured
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / 2**20


sizes = {
    build.__name__: mib_allocated(build)
    for build in (object_graph, dict_of_index_lists, flat_index_arrays)
}
for name, mib in sizes.items():
    print(f"{name}: {mib:.1f} MiB")
# Output: object_graph: ... MiB
# Output: dict_of_index_lists: ... MiB
# Output: flat_index_arrays: ... MiB
print(sizes["dict_of_index_lists"] < sizes["object_graph"])  # Output (Python 3.11): False
print(sizes["flat_index_arrays"] < sizes["object_graph"] / 2)  # Output: True
# --8<-- [end:demo]
