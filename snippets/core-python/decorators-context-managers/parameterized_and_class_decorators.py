"""Site addition: a parameterized decorator (three levels) and a class-based decorator."""


# --8<-- [start:demo]
from collections.abc import Callable
from functools import update_wrapper, wraps
from typing import Any


# Three levels: the factory takes configuration, returns the real decorator
def require_role(role: str):  # level 1: configuration
    def decorator(func: Callable[..., Any]):  # level 2: receives the function
        @wraps(func)
        def wrapper(user: dict[str, str], *args: Any, **kwargs: Any) -> Any:  # level 3: per call
            if user.get("role") != role:
                raise PermissionError(f"{func.__name__} requires role {role!r}")
            return func(user, *args, **kwargs)

        return wrapper

    return decorator


@require_role("admin")
def delete_account(user: dict[str, str], account_id: int) -> str:
    return f"account {account_id} deleted by {user['name']}"


print(delete_account({"name": "ana", "role": "admin"}, 7))  # Output: account 7 deleted by ana
try:
    delete_account({"name": "bob", "role": "viewer"}, 7)
except PermissionError as exc:
    print(exc)  # Output: delete_account requires role 'admin'


# A class-based decorator keeps state between calls in ordinary attributes
class CountCalls:
    def __init__(self, func: Callable[..., Any]) -> None:
        update_wrapper(self, func)  # the class equivalent of @wraps
        self.func = func
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.func(*args, **kwargs)


@CountCalls
def health_check() -> str:
    return "ok"


health_check()
health_check()
print(health_check.__name__, health_check.calls)  # Output: health_check 2
# --8<-- [end:demo]
