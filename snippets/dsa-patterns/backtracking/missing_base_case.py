# --8<-- [start:demo]
def count_down_buggy(n: int) -> int:
    return count_down_buggy(n - 1)  # BUG: no base case, so nothing stops the recursion


def count_down(n: int) -> int:
    if n <= 0:  # the base case ends the chain
        return 0
    return count_down(n - 1)


try:
    count_down_buggy(3)
except RecursionError:
    print("no base case: RecursionError")  # Output: no base case: RecursionError
print(count_down(3))  # Output: 0
# --8<-- [end:demo]
