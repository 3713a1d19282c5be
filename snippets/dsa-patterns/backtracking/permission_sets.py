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
