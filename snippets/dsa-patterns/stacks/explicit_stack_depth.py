# --8<-- [start:demo]
import sys

# A deeply nested payload: {"child": {"child": ... }}, the root plus 5,000 levels.
payload: dict = {}
node = payload
for _ in range(5_000):
    node["child"] = {}
    node = node["child"]


def depth_recursive(tree: dict) -> int:
    return 1 + max((depth_recursive(child) for child in tree.values()), default=0)


def depth_iterative(tree: dict) -> int:
    deepest = 0
    stack = [(tree, 1)]  # an explicit, heap-allocated stack of (node, depth)
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in current.values())
    return deepest


print(sys.getrecursionlimit())  # Output: 1000
try:
    depth_recursive(payload)
except RecursionError as exc:
    print(f"RecursionError: {exc}")  # Output: RecursionError: maximum recursion depth exceeded...
print(depth_iterative(payload))  # Output: 5001
# --8<-- [end:demo]
