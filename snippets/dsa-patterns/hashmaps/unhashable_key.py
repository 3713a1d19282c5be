# --8<-- [start:demo]
# Mutable keys are rejected: a list has no stable hash.
try:
    routes = {["GET", "/users"]: "list_users"}
except TypeError as exc:
    print(f"TypeError: {exc}")  # Output: TypeError: unhashable type: 'list'

routes = {("GET", "/users"): "list_users"}  # a tuple of immutables is hashable
print(routes[("GET", "/users")])  # Output: list_users

# Iteration order is insertion order (guaranteed since Python 3.7), never random.
config: dict[str, float] = {}
config["timeout"] = 30
config["retries"] = 3
config["backoff"] = 0.5
print(list(config))  # Output: ['timeout', 'retries', 'backoff']
# --8<-- [end:demo]
