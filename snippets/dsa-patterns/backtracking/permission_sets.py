# --8<-- [start:demo]
# Generating all valid service permission combinations using backtracking
def generate_permission_sets(permissions: list[str]) -> list[list[str]]:
    results = []

    def backtrack(start: int, current_path: list[str]) -> None:
        results.append(list(current_path))
        for i in range(start, len(permissions)):
            current_path.append(permissions[i])  # Take decision
            backtrack(i + 1, current_path)  # Explore deeper
            current_path.pop()  # Undo decision (backtrack)

    backtrack(0, [])
    return results


for permission_set in generate_permission_sets(["read", "write", "admin"]):
    print(permission_set)
# Output: []
# Output: ['read']
# Output: ['read', 'write']
# Output: ['read', 'write', 'admin']
# Output: ['read', 'admin']
# Output: ['write']
# Output: ['write', 'admin']
# Output: ['admin']
# --8<-- [end:demo]

# --8<-- [start:growth]
import math

# Subsets: 2**N results, and each is copied into `results` (N/2 elements on average).
scopes = [f"scope:{i}" for i in range(16)]
subsets = generate_permission_sets(scopes)
print(len(subsets) == 2**16)  # Output: True
print(sum(len(s) for s in subsets) == 16 * 2**15)  # Output: True


# Permutations: N! orderings by the same take / explore / undo steps.
def orderings(steps: list[str]) -> list[list[str]]:
    results: list[list[str]] = []
    path: list[str] = []
    used = [False] * len(steps)

    def backtrack() -> None:
        if len(path) == len(steps):
            results.append(path.copy())
            return
        for i, step in enumerate(steps):
            if not used[i]:
                used[i] = True
                path.append(step)  # take
                backtrack()  # explore
                path.pop()  # undo
                used[i] = False

    backtrack()
    return results


print(len(orderings([f"step-{i}" for i in range(8)])) == math.factorial(8))  # Output: True
# --8<-- [end:growth]
