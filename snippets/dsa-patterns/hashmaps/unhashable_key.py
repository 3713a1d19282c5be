# --8<-- [start:demo]
# Mutable keys are rejected: a list has no stable hash.
routes: dict = {}
try:
    routes[["GET", "/users"]] = "list_users"
except TypeError as exc:
    print(f"TypeError: {exc}")
# Output (Python 3.11-3.13): TypeError: unhashable type: 'list'
# Output (Python 3.14+): TypeError: cannot use 'list' as a dict key (unhashable type: 'list')

routes = {("GET", "/users"): "list_users"}  # a tuple of immutables is hashable
print(routes[("GET", "/users")])  # Output: list_users

# Iteration order is insertion order (guaranteed since Python 3.7), never random.
config: dict[str, float] = {}
config["timeout"] = 30
config["retries"] = 3
config["backoff"] = 0.5
print(list(config))  # Output: ['timeout', 'retries', 'backoff']
# --8<-- [end:demo]

# --8<-- [start:hashable]
# Hashable is not immutable: a key only has to keep its hash and equality while it is stored.
from dataclasses import dataclass


class Session:  # a plain class: hashable by identity, and freely mutable
    def __init__(self, user: str) -> None:
        self.user = user


session = Session("ada")
owners = {session: "worker-1"}
session.user = "grace"  # mutating the key is allowed and harmless: its hash is its identity
print(owners[session])  # Output: worker-1


@dataclass(unsafe_hash=True)  # hash computed from a mutable field
class Route:
    path: str


route = Route("/users")
handlers = {route: "list_users"}
route.path = "/accounts"  # the stored hash is now stale
print(route in handlers, Route("/users") in handlers)  # Output: False False
# --8<-- [end:hashable]
