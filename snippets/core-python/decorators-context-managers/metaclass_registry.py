"""Site addition: a class statement is a call to type(); a metaclass intercepts it."""


# --8<-- [start:demo]
from typing import ClassVar

# A class statement is sugar for type(name, bases, namespace)
Event = type("Event", (), {"kind": "generic", "describe": lambda self: f"event:{self.kind}"})
print(Event().describe())  # Output: event:generic


class HandlerMeta(type):
    registry: ClassVar[dict[str, type]] = {}

    def __new__(mcs, name, bases, namespace):
        # Runs when the class statement executes, before any instance exists
        if bases and "handle" not in namespace:
            raise TypeError(f"{name} must define handle()")
        if bases:  # rewrite the class body: a default event_type derived from the name
            namespace.setdefault("event_type", name.removesuffix("Handler").lower())
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:  # register concrete handlers, not the base class
            mcs.registry[cls.event_type] = cls
        return cls


class BaseHandler(metaclass=HandlerMeta):
    pass


class OrderCreatedHandler(BaseHandler):
    event_type = "order.created"

    def handle(self, payload: dict[str, int]) -> str:
        return f"order {payload['id']} created"


class RefundHandler(BaseHandler):  # no event_type: the metaclass adds one
    def handle(self, payload: dict[str, int]) -> str:
        return f"refund {payload['id']} issued"


print(RefundHandler.event_type)  # Output: refund
print(list(HandlerMeta.registry))  # Output: ['order.created', 'refund']
handler = HandlerMeta.registry["order.created"]()
print(handler.handle({"id": 7}))  # Output: order 7 created

try:

    class BrokenHandler(BaseHandler):  # rejected at class-creation time
        event_type = "order.deleted"

except TypeError as exc:
    print(f"TypeError: {exc}")  # Output: TypeError: BrokenHandler must define handle()
# --8<-- [end:demo]
