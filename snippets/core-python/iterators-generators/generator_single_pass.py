"""Site addition: the "re-iterating over a generator" trap, for real."""

# --8<-- [start:demo]
status_codes = (code for code in ["200", "500", "200", "404"])

print(len(list(status_codes)))  # Output: 4
# Second pass over the same generator: it is exhausted and silently yields nothing
print(len(list(status_codes)))  # Output: 0
print(sum(1 for _ in status_codes))  # Output: 0


# Fix: make the source re-iterable (a function/class that builds a fresh generator)
def read_status_codes():
    yield from ["200", "500", "200", "404"]


print(len(list(read_status_codes())), len(list(read_status_codes())))  # Output: 4 4
# --8<-- [end:demo]
