# --8<-- [start:demo]
from collections import deque


def count_enqueues(graph: dict[int, list[int]], start: int, *, mark_on_push: bool) -> int:
    """BFS over the whole graph; returns how many times a node was put on the queue."""
    queue = deque([start])
    visited = {start} if mark_on_push else set()
    pushes = 1
    while queue:
        node = queue.popleft()
        if not mark_on_push:
            if node in visited:
                continue  # a duplicate that should never have been queued
            visited.add(node)
        for neighbor in graph[node]:
            if neighbor not in visited:
                if mark_on_push:
                    visited.add(neighbor)
                queue.append(neighbor)
                pushes += 1
    return pushes


# Every service calls every other one (a dense mesh of 50 nodes).
mesh = {n: [m for m in range(50) if m != n] for n in range(50)}
print(count_enqueues(mesh, 0, mark_on_push=True))  # Output: 50
print(count_enqueues(mesh, 0, mark_on_push=False))  # Output: 1226
# --8<-- [end:demo]
