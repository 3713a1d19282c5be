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

# --8<-- [start:weighted]
import heapq

# Link latencies in ms: the fewest hops is not the fastest route.
latency_ms = {
    "gateway": {"orders": 40, "auth": 2},
    "auth": {"edge-cache": 2},
    "edge-cache": {"ledger-db": 3},
    "orders": {"ledger-db": 30},
}


def fastest_route_ms(graph: dict[str, dict[str, int]], start: str, target: str) -> int:
    """Dijkstra: a heap ordered by distance so far instead of a FIFO queue."""
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        cost, node = heapq.heappop(heap)
        if node == target:
            return cost
        if cost > best[node]:
            continue  # a stale entry: a cheaper path to node was found later
        for neighbor, weight in graph.get(node, {}).items():
            if cost + weight < best.get(neighbor, cost + weight + 1):
                best[neighbor] = cost + weight
                heapq.heappush(heap, (cost + weight, neighbor))
    return -1


hops_graph = {node: list(links) for node, links in latency_ms.items()}
print(shortest_network_path(hops_graph, "gateway", "ledger-db"))  # Output: 2
print(fastest_route_ms(latency_ms, "gateway", "ledger-db"))  # Output: 7
# --8<-- [end:weighted]
