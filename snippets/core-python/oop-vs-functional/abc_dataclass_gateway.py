"""An abstract base class as an interface, and a frozen dataclass as a DTO."""
# ruff: noqa: E501 (the 3.12+ TypeError message is longer than a line)


# --8<-- [start:demo]
from abc import ABC, abstractmethod
from dataclasses import dataclass


class NotificationGateway(ABC):
    @abstractmethod
    def dispatch(self, user_id: str, payload: str) -> bool:
        pass


# Dataclass acts as a highly optimized internal DTO (Data Transfer Object)
@dataclass(frozen=True)
class MessagePayload:
    recipient: str
    body: str


class SMSGateway(NotificationGateway):
    def dispatch(self, user_id: str, payload: str) -> bool:
        print(f"Sending SMS to {user_id}: {payload}")
        return True


# --8<-- [end:demo]

# --8<-- [start:usage]
import dataclasses

message = MessagePayload(recipient="user-42", body="Your order shipped")
print(message)  # Output: MessagePayload(recipient='user-42', body='Your order shipped')
print(SMSGateway().dispatch(message.recipient, message.body))
# Output: Sending SMS to user-42: Your order shipped
# Output: True

# The ABC refuses to build an instance that does not implement the contract
try:
    NotificationGateway()
except TypeError as exc:
    print(exc)
# Output (Python 3.11): Can't instantiate abstract class NotificationGateway with abstract method dispatch
# Output (Python 3.12+): Can't instantiate abstract class NotificationGateway without an implementation for abstract method 'dispatch'


class IncompleteGateway(NotificationGateway):  # forgot dispatch()
    pass


try:
    IncompleteGateway()  # fails at instance creation, not at the first call
except TypeError as exc:
    print(exc)
# Output (Python 3.11): Can't instantiate abstract class IncompleteGateway with abstract method dispatch
# Output (Python 3.12+): Can't instantiate abstract class IncompleteGateway without an implementation for abstract method 'dispatch'

# frozen=True: the DTO cannot be modified after creation (and is hashable)
try:
    message.body = "changed"  # type: ignore[misc]
except dataclasses.FrozenInstanceError as exc:
    print(f"FrozenInstanceError: {exc}")
# Output: FrozenInstanceError: cannot assign to field 'body'
print(hash(message) == hash(MessagePayload("user-42", "Your order shipped")))  # Output: True
# --8<-- [end:usage]

# --8<-- [start:dto_cost]
from dataclasses import dataclass

# @dataclass generates __init__, __repr__, __eq__ (and __hash__ when frozen); the instances are
# ordinary objects with a per-instance attribute dict
print(hasattr(message, "__dict__"))  # Output: True


@dataclass
class MutablePayload:
    recipient: str
    body: str


# The generated __init__ of a plain dataclass stores the fields directly; a frozen one has to
# call object.__setattr__ for each field, which is the "tiny performance penalty" of frozen=True
print(MutablePayload.__init__.__code__.co_names)  # Output: ('recipient', 'body')
print(MessagePayload.__init__.__code__.co_names)  # Output: ('__setattr__',)


# slots=True (Python 3.10+) drops the per-instance dict
@dataclass(frozen=True, slots=True)
class SlimPayload:
    recipient: str
    body: str


print(hasattr(SlimPayload("user-42", "hi"), "__dict__"))  # Output: False
# --8<-- [end:dto_cost]
