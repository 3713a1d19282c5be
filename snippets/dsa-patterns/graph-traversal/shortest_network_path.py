# --8<-- [start:demo]
from collections import deque


# BFS shortest path traversal across network routing topologies
def shortest_network_path(graph: dict[str, list[str]], start: str, target: str) -> int:
    queue = deque([(start, 0)])
    visited = {start}
    while queue:
        node, distance = queue.popleft()
        if node == target:
            return distance
        for neighbor in graph.get(node, []):
            if neighbor not in visited:
                visited.add(neighbor)
                queue.append((neighbor, distance + 1))
    return -1


network = {
    "gateway": ["auth", "orders"],
    "auth": ["users-db"],
    "orders": ["payments", "inventory"],
    "payments": ["ledger-db"],
    "inventory": ["ledger-db"],
}
print(shortest_network_path(network, "gateway", "ledger-db"))  # Output: 3
print(shortest_network_path(network, "gateway", "gateway"))  # Output: 0
print(shortest_network_path(network, "users-db", "gateway"))  # Output: -1
# --8<-- [end:demo]
