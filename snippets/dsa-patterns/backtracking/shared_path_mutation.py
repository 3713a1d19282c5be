# --8<-- [start:demo]
def subsets_buggy(items: list[str]) -> list[list[str]]:
    results: list[list[str]] = []

    def backtrack(start: int, path: list[str]) -> None:
        results.append(path)  # BUG: stores the one shared list, which is emptied later
        for i in range(start, len(items)):
            path.append(items[i])
            backtrack(i + 1, path)
            path.pop()

    backtrack(0, [])
    return results


def subsets_fixed(items: list[str]) -> list[list[str]]:
    results: list[list[str]] = []

    def backtrack(start: int, path: list[str]) -> None:
        results.append(path.copy())  # a snapshot of the path at this moment
        for i in range(start, len(items)):
            path.append(items[i])
            backtrack(i + 1, path)
            path.pop()

    backtrack(0, [])
    return results


print(subsets_buggy(["a", "b"]))  # Output: [[], [], [], []]
print(subsets_fixed(["a", "b"]))  # Output: [[], ['a'], ['a', 'b'], ['b']]
# --8<-- [end:demo]
