# --8<-- [start:demo]
# Detecting cyclic dependencies across service orchestrations
def has_cyclic_dependency(graph: dict[str, list[str]]) -> bool:
    visited = {}  # state map: 0 = unvisited, 1 = visiting, 2 = visited

    def dfs(node: str) -> bool:
        visited[node] = 1  # Mark currently executing path
        for neighbor in graph.get(node, []):
            if visited.get(neighbor, 0) == 1:
                return True  # Found active cycle link
            if visited.get(neighbor, 0) == 0 and dfs(neighbor):
                return True
        visited[node] = 2  # Completed exploration safely
        return False

    return any(visited.get(service, 0) == 0 and dfs(service) for service in graph)


startup = {"api": ["db", "cache"], "cache": ["config"], "db": ["config"], "config": []}
print(has_cyclic_dependency(startup))  # Output: False
startup["config"] = ["api"]  # config now waits for api, which waits for config
print(has_cyclic_dependency(startup))  # Output: True
# --8<-- [end:demo]

# --8<-- [start:deep]
from graphlib import CycleError, TopologicalSorter

# A chain of 5,000 migrations, each depending on the next: one DFS frame per link.
chain = {f"m{i}": [f"m{i + 1}"] for i in range(5_000)}
try:
    has_cyclic_dependency(chain)
except RecursionError:
    print("recursive DFS: RecursionError")  # Output: recursive DFS: RecursionError


def has_cycle_iteratively(graph: dict[str, list[str]]) -> bool:
    try:
        TopologicalSorter(graph).prepare()  # Kahn's algorithm, no recursion
    except CycleError:
        return True
    return False


print(has_cycle_iteratively(chain))  # Output: False
chain["m5000"] = ["m0"]
print(has_cycle_iteratively(chain))  # Output: True
# --8<-- [end:deep]
