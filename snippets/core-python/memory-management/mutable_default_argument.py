# --8<-- [start:demo]
# BAD: The list persists across function calls
def append_to_cache(item: str, cache: list[str] = []) -> list[str]:  # noqa: B006 (the trap)
    cache.append(item)
    return cache


print(append_to_cache("User1"))  # Output: ['User1']
# Memory leak/state leak: the second call sees the first call's item
print(append_to_cache("User2"))  # Output: ['User1', 'User2']


# GOOD: Using None as a sentinel value
def append_to_cache_secure(item: str, cache: list[str] | None = None) -> list[str]:
    if cache is None:
        cache = []
    cache.append(item)
    return cache


print(append_to_cache_secure("User1"))  # Output: ['User1']
print(append_to_cache_secure("User2"))  # Output: ['User2']
# --8<-- [end:demo]

# --8<-- [start:proof]
# The default list is created once, when `def` runs, and stored on the function object.
print(append_to_cache.__defaults__)  # Output: (['User1', 'User2'],)
print(append_to_cache_secure.__defaults__)  # Output: (None,)
# --8<-- [end:proof]
