"""An abstract base class as an interface, and a frozen dataclass as a DTO."""

import dataclasses

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
# Output: Can't instantiate abstract class NotificationGateway with abstract method dispatch


class IncompleteGateway(NotificationGateway):  # forgot dispatch()
    pass


try:
    IncompleteGateway()  # fails at instance creation, not at the first call
except TypeError as exc:
    print(exc)
# Output: Can't instantiate abstract class IncompleteGateway with abstract method dispatch

# frozen=True: the DTO cannot be modified after creation (and is hashable)
try:
    message.body = "changed"  # type: ignore[misc]
except dataclasses.FrozenInstanceError as exc:
    print(f"FrozenInstanceError: {exc}")
# Output: FrozenInstanceError: cannot assign to field 'body'
print(hash(message) == hash(MessagePayload("user-42", "Your order shipped")))  # Output: True
# --8<-- [end:usage]
